package dev.minigun.hud;

import dev.minigun.ContextInfo;
import dev.minigun.ContextKind;
import dev.minigun.HostInfo;
import dev.minigun.RunReport;
import dev.minigun.StageReport;
import dev.minigun.execution.ExecutionPlan;
import dev.minigun.execution.Placement;
import dev.minigun.execution.StageSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Draws one frame of the HUD as plain lines of text, from a plan, a live report and the run's
 * contexts: a header with the run's state, overall progress with an ETA (when a producer declared
 * its size), the stages as a top-down flow diagram with each stage's rate and input-queue fill, the
 * contexts per kind with worker pids and their memory, and the latest errors. It is a pure function
 * of its arguments (memory readings come from a {@link ProcessMemory}), so tests compare whole
 * screens as text, and {@link Hud} only has to put the lines on a terminal.
 *
 * <p>A screen of 100 columns by 30 rows fits a pipeline of eight stages with room for contexts and
 * errors; on a smaller one the errors, then the contexts, give way to the flow. Lines longer than the
 * width are cut with {@code …}.
 */
public final class HudRenderer {
    /** Cells of a queue-fill bar. */
    static final int QUEUE_BAR = 10;
    /** Cells of the progress bar. */
    static final int PROGRESS_BAR = 30;

    private HudRenderer() {}

    /** A frame, reading worker memory from {@code /proc}. */
    public static List<String> render(
            ExecutionPlan plan, RunReport report, List<ContextInfo> contexts, int width, int height) {
        return render(plan, report, contexts, ProcessMemory.proc(), width, height);
    }

    /**
     * A frame of exactly {@code height} lines (blank ones at the bottom), none longer than
     * {@code width}, with worker memory read by {@code memory}.
     */
    public static List<String> render(
            ExecutionPlan plan,
            RunReport report,
            List<ContextInfo> contexts,
            ProcessMemory memory,
            int width,
            int height) {
        return render(plan, report, contexts, List.of(), memory, width, height);
    }

    /**
     * A frame as {@link #render(ExecutionPlan, RunReport, List, ProcessMemory, int, int)}, with one
     * line per host of a stage that runs elsewhere (a cluster member: its address and rate).
     */
    public static List<String> render(
            ExecutionPlan plan,
            RunReport report,
            List<ContextInfo> contexts,
            List<HostInfo> hosts,
            ProcessMemory memory,
            int width,
            int height) {
        List<String> head = header(report, width);
        List<String> flow = flow(plan, report);
        List<String> ctx = contexts(plan, contexts, memory);
        ctx.addAll(hosts(hosts));
        List<String> errors = errors(report);

        List<String> screen = new ArrayList<>(head);
        screen.add("");
        screen.addAll(flow);
        // Each section below the flow takes a blank line and its heading; the errors keep their
        // heading and the newest error, the contexts take what they need next, and older errors the rest.
        int left = height - screen.size();
        int errorLines = 0;
        int ctxLines = 0;
        if (left >= 2) {
            errorLines = Math.min(errors.size(), Math.min(2, left - 1));
            left -= errorLines + 1;
        }
        if (left >= 2) {
            ctxLines = Math.min(ctx.size(), left - 1);
            left -= ctxLines + 1;
        }
        if (left > 0 && errorLines > 0) {
            errorLines += Math.min(errors.size() - errorLines, left);
        }
        if (ctxLines > 0) {
            screen.add("");
            screen.addAll(cut(ctx, ctxLines));
        }
        if (errorLines > 0) {
            screen.add("");
            screen.add(errors.getFirst());
            // The newest errors, which are the last ones.
            screen.addAll(errors.subList(errors.size() - (errorLines - 1), errors.size()));
        }
        List<String> out = new ArrayList<>(height);
        for (int i = 0; i < height; i++) {
            out.add(i < screen.size() ? fit(screen.get(i), width) : "");
        }
        return out;
    }

    /** Keeps the first {@code n} lines, the last one saying how many were left out. */
    private static List<String> cut(List<String> lines, int n) {
        if (lines.size() <= n) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, Math.max(0, n - 1)));
        kept.add("  … " + (lines.size() - kept.size()) + " more");
        return kept;
    }

    private static String fit(String line, int width) {
        String s = line.stripTrailing();
        if (s.length() <= width) {
            return s;
        }
        return width <= 1 ? s.substring(0, Math.max(0, width)) : s.substring(0, width - 1) + "…";
    }

    private static List<String> header(RunReport report, int width) {
        List<String> lines = new ArrayList<>();
        String left =
                "minigun · " + report.pipeline() + " · " + report.outcome() + " · " + Format.elapsed(report.elapsed());
        String right = report.outcome().equals("running") ? "Ctrl-C cancels" : "";
        int gap = width - left.length() - right.length();
        lines.add(gap >= 2 ? left + " ".repeat(gap) + right : left);

        var progress = Format.Progress.of(report);
        long queued = Format.queued(report);
        if (progress.isPresent()) {
            var p = progress.get();
            double fraction = p.total() <= 0 ? 1 : Math.min(1, (double) p.done() / p.total());
            StringBuilder line = new StringBuilder("progress ")
                    .append(bar(fraction, PROGRESS_BAR))
                    .append(' ')
                    .append(String.format("%4s", Format.percent(p.done(), p.total())))
                    .append("  ")
                    .append(Format.count(p.done()))
                    .append(" of ")
                    .append(Format.count(p.total()))
                    .append(" produced");
            var eta = p.etaSeconds();
            if (eta.isPresent() && report.outcome().equals("running")) {
                line.append("  ETA ").append(Format.eta(eta.getAsDouble()));
            }
            if (queued > 0) {
                line.append("  · ").append(Format.count(queued)).append(" queued");
            }
            lines.add(line.toString());
        } else {
            lines.add("progress " + Format.count(report.produced()) + " produced"
                    + (queued > 0 ? "  · " + Format.count(queued) + " queued" : "")
                    + "  (no producer declared its size)");
        }
        return lines;
    }

    /** The stages top-down in definition order (a topological order), an arrow into each non-producer. */
    private static List<String> flow(ExecutionPlan plan, RunReport report) {
        Map<String, StageReport> byName = new LinkedHashMap<>();
        for (StageReport s : report.stages()) {
            byName.put(s.name(), s);
        }
        List<StageSpec> stages = plan.graph().stages();
        int nameWidth = 5;
        int opWidth = 2;
        int whereWidth = 5;
        for (StageSpec s : stages) {
            nameWidth = Math.max(nameWidth, s.name().length());
            opWidth = Math.max(opWidth, operation(s, byName).length());
            whereWidth = Math.max(
                    whereWidth,
                    where(plan.placement(s.name()), byName.get(s.name())).length());
        }
        String rowFormat = "  %-" + nameWidth + "s  %-" + opWidth + "s  %-" + whereWidth + "s  %10s  %-"
                + (QUEUE_BAR + 13) + "s  %10s  %s";
        List<String> lines = new ArrayList<>();
        lines.add(String.format(rowFormat, "STAGE", "OP", "WHERE", "ITEMS/S", "QUEUE", "DONE", "FAILED"));
        String previous = null;
        for (StageSpec s : stages) {
            Placement p = plan.placement(s.name());
            StageReport r = byName.get(s.name());
            if (!s.upstreams().isEmpty() || previous != null) {
                lines.add(arrow(s, previous));
            }
            String queue = p.isQueued()
                    ? bar(r == null ? 0 : (double) r.queued() / p.queueSize(), QUEUE_BAR) + " "
                            + Format.count(r == null ? 0 : r.queued()) + "/" + Format.count(p.queueSize())
                    : p.rule().colocates() ? "direct call" : "-";
            long done = r == null ? 0 : r.isProducer() ? r.out() : r.completed();
            long failed = r == null ? 0 : r.failed() + r.deadLettered();
            lines.add(String.format(
                    rowFormat,
                    s.name(),
                    operation(s, byName),
                    where(p, r),
                    r == null ? "-" : Format.rate(r.currentRate()),
                    queue,
                    Format.count(done),
                    failed == 0 ? "" : Format.count(failed)));
            previous = s.name();
        }
        return lines;
    }

    /**
     * The line above a stage: a plain arrow when its only upstream is the stage drawn just above it,
     * otherwise the arrow names where its items come from (a branch of a fan-out, a fan-in, or
     * {@code emitTo} for a stage with no static upstream).
     */
    private static String arrow(StageSpec s, String previous) {
        List<String> ups = s.upstreams();
        if (s.operation().isProducer()) {
            return "";
        }
        if (ups.size() == 1 && ups.getFirst().equals(previous)) {
            return "  ▼";
        }
        return ups.isEmpty() ? "  ▼ from emitTo" : "  ▼ from " + String.join(" + ", ups);
    }

    private static String operation(StageSpec s, Map<String, StageReport> reports) {
        StageReport r = reports.get(s.name());
        return r != null ? r.operation() : s.operation().label();
    }

    /**
     * Where a stage runs: {@code THREAD x2}, {@code VIRTUAL x400}, {@code in parse} when colocated, or
     * for an adaptive pool how many contexts it has now within its range: {@code THREAD 3 of 1..8}.
     */
    private static String where(Placement p, StageReport r) {
        if (p.rule().colocates()) {
            return "in " + p.host();
        }
        if (p.isAdaptive()) {
            int now = r == null || r.contexts() == 0 ? p.contexts() : r.contexts();
            return p.kind() + " " + now + " of " + p.contexts() + ".." + p.maxContexts();
        }
        return p.contexts() > 0 ? p.kind() + " x" + p.contexts() : p.kind().toString();
    }

    /** Per kind of context: how many are alive, per stage; one line per worker process, with its memory. */
    private static List<String> contexts(ExecutionPlan plan, List<ContextInfo> contexts, ProcessMemory memory) {
        List<String> lines = new ArrayList<>();
        long alive = contexts.stream().filter(ContextInfo::alive).count();
        lines.add("CONTEXTS  " + Format.count(alive) + " alive of " + Format.count(contexts.size()));
        Map<ContextKind, Map<String, int[]>> byKind = new LinkedHashMap<>();
        for (ContextKind kind : ContextKind.values()) {
            byKind.put(kind, new LinkedHashMap<>());
        }
        // Stages in plan order, so that the lines read like the flow.
        List<String> order = plan.graph().stages().stream().map(StageSpec::name).toList();
        List<ContextInfo> sorted = new ArrayList<>(contexts);
        sorted.sort((a, b) -> Integer.compare(rank(order, a.stage()), rank(order, b.stage())));
        List<ContextInfo> workers = new ArrayList<>();
        for (ContextInfo c : sorted) {
            int[] counts = byKind.get(c.kind()).computeIfAbsent(c.stage(), k -> new int[2]);
            counts[0] += c.alive() ? 1 : 0;
            counts[1]++;
            if (c.pid().isPresent()) {
                workers.add(c);
            }
        }
        for (var kind : byKind.entrySet()) {
            if (kind.getValue().isEmpty()) {
                continue;
            }
            int kindAlive = 0;
            int kindTotal = 0;
            List<String> parts = new ArrayList<>();
            for (var stage : kind.getValue().entrySet()) {
                int[] n = stage.getValue();
                kindAlive += n[0];
                kindTotal += n[1];
                parts.add(stage.getKey() + " " + (n[0] == n[1] ? Format.count(n[0]) : n[0] + "/" + n[1]));
            }
            lines.add(String.format(
                    "  %-8s %5s alive   %s",
                    kind.getKey(),
                    kindAlive == kindTotal ? Format.count(kindAlive) : kindAlive + "/" + kindTotal,
                    String.join(" · ", parts)));
        }
        for (ContextInfo w : workers) {
            long pid = w.pid().getAsLong();
            OptionalLong rss = w.alive() ? memory.residentBytes(pid) : OptionalLong.empty();
            lines.add(String.format(
                    "    pid %-8d %14s   %s%s",
                    pid,
                    rss.isPresent() ? Format.mebibytes(rss.getAsLong()) + " RSS" : "-",
                    w.name(),
                    w.alive() ? "" : "  (exited)"));
        }
        if (contexts.isEmpty()) {
            lines.add("  none started yet");
        }
        return lines;
    }

    /** One line per cluster member: address, rate over the trailing seconds, items, stage. */
    private static List<String> hosts(List<HostInfo> hosts) {
        List<String> lines = new ArrayList<>();
        for (HostInfo h : hosts) {
            lines.add(String.format(
                    "    member %-21s %9s/s %12s items   %s%s",
                    h.address(),
                    Format.rate(h.rate()),
                    Format.count(h.items()),
                    h.stage(),
                    h.alive() ? "" : "  (left)"));
        }
        return lines;
    }

    private static int rank(List<String> order, String stage) {
        int i = order.indexOf(stage);
        return i < 0 ? order.size() : i;
    }

    private static List<String> errors(RunReport report) {
        List<String> lines = new ArrayList<>();
        List<String> errors = report.errors();
        if (errors.isEmpty()) {
            lines.add("ERRORS  none");
            return lines;
        }
        lines.add("ERRORS  " + Format.count(errors.size()) + (errors.size() >= 100 ? "+ (latest shown)" : ""));
        for (String e : errors) {
            lines.add("  " + e.replace('\n', ' ').replace('\r', ' '));
        }
        return lines;
    }

    /** {@code ▕███▌      ▏}: a bar of {@code cells} cells, filled in eighths. */
    static String bar(double fraction, int cells) {
        double f = Double.isFinite(fraction) ? Math.max(0, Math.min(1, fraction)) : 0;
        int eighths = (int) Math.round(f * cells * 8);
        if (eighths == 0 && f > 0) {
            eighths = 1;
        }
        StringBuilder sb = new StringBuilder("▕");
        for (int i = 0; i < cells; i++) {
            int fill = Math.max(0, Math.min(8, eighths - 8 * i));
            sb.append(fill == 8 ? '█' : fill == 0 ? ' ' : "▏▎▍▌▋▊▉".charAt(fill - 1));
        }
        return sb.append('▏').toString();
    }
}
