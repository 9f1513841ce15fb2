package dev.minigun.execution;

import dev.minigun.ContextKind;
import dev.minigun.ErrorPolicy;
import dev.minigun.Exec;
import dev.minigun.PipelineDefinitionException;
import dev.minigun.internal.TextTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where every stage of a pipeline runs, and why. It applies the affinity rules of the design to a
 * {@link StageGraph}, in definition order:
 *
 * <ol>
 *   <li>a producer gets its own context;
 *   <li>a stage is colocated with its upstream (called directly, no queue, no thread hop) when it
 *       has exactly one upstream, that upstream is not an accumulator, runs on a single context
 *       inside this JVM, and the stage has no {@link Exec} of its own; when only the "single
 *       context" part fails, the stage gets its own default context, so a plain consumer after a
 *       pool of eight threads is still called from one thread;
 *   <li>several upstreams (fan-in, merge) or none (a stage fed by {@code emitTo}): own context;
 *   <li>the upstream is an accumulator: own context;
 *   <li>an explicit {@code Exec}: its own context of that kind, except {@link Exec#inline()}, the
 *       explicit opt-in to a direct call from the single upstream, whatever that runs on.
 * </ol>
 *
 * <p>It then divides each global limit among the stages that need contexts of that kind (see
 * {@link PoolShare}). A definition those limits cannot hold fails here, before any item moves.
 */
public final class ExecutionPlan {
    /** The concurrency of a stage that any caller may call: an inline stage fed by {@code emitTo}. */
    static final int ANY_CALLER = Integer.MAX_VALUE;

    private final StageGraph graph;
    private final Map<String, Placement> placements;
    private final Map<ContextKind, PoolShare> shares;
    private final Map<String, String> deadLetters;

    private ExecutionPlan(
            StageGraph graph,
            Map<String, Placement> placements,
            Map<ContextKind, PoolShare> shares,
            Map<String, String> deadLetters) {
        this.graph = graph;
        this.placements = Collections.unmodifiableMap(placements);
        this.shares = Collections.unmodifiableMap(shares);
        this.deadLetters = Collections.unmodifiableMap(deadLetters);
    }

    /** For each stage with a deadLetter policy, the full name of the stage that takes its failed items. */
    public Map<String, String> deadLetterTargets() {
        return deadLetters;
    }

    /** Plans {@code graph}; throws {@link PipelineDefinitionException} for a definition that cannot run. */
    public static ExecutionPlan of(StageGraph graph) {
        Map<String, Placement> placed = new LinkedHashMap<>();
        for (StageSpec s : graph.stages()) {
            placed.put(s.name(), place(graph, s, placed));
            boolean passesOn = s.operation() instanceof Operation.Map
                    || s.operation() instanceof Operation.Filter
                    || s.operation() instanceof Operation.Batch
                    || s.operation() instanceof Operation.Merge;
            if (passesOn && graph.downstreams(s.name()).isEmpty()) {
                throw new PipelineDefinitionException(
                        s.name(),
                        "stage '" + s.name() + "' (" + s.operation().label()
                                + ") has no downstream stage, so its output would be lost: add a stage after it, such as consume(...)");
            }
        }
        Map<String, String> deadLetters = deadLetterTargets(graph, placed);
        Map<ContextKind, PoolShare> shares = new LinkedHashMap<>();
        share(graph, placed, shares, ContextKind.THREAD, graph.maxThreads(), "maxThreads");
        share(graph, placed, shares, ContextKind.VIRTUAL, graph.maxVirtualThreads(), "maxVirtualThreads");
        share(graph, placed, shares, ContextKind.PROCESS, graph.maxProcesses(), "maxProcesses");
        return new ExecutionPlan(graph, placed, shares, deadLetters);
    }

    /** Resolves every deadLetter target (as emitTo would) and checks it can take items from anywhere. */
    private static Map<String, String> deadLetterTargets(StageGraph graph, Map<String, Placement> placed) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (StageSpec s : graph.stages()) {
            ErrorPolicy policy = s.errorPolicy() instanceof ErrorPolicy.Retry r ? r.exhausted() : s.errorPolicy();
            if (!(policy instanceof ErrorPolicy.DeadLetterTo to)) {
                continue;
            }
            List<String> matches = graph.stages().stream()
                    .map(StageSpec::name)
                    .filter(n -> n.equals(to.stage()))
                    .toList();
            if (matches.isEmpty()) {
                matches = graph.stages().stream()
                        .map(StageSpec::name)
                        .filter(n -> n.substring(n.lastIndexOf('/') + 1).equals(to.stage()))
                        .toList();
            }
            if (matches.isEmpty()) {
                throw new PipelineDefinitionException(
                        s.name(),
                        "stage '" + s.name() + "' sends failed items to '" + to.stage()
                                + "', but no stage has that name:" + " add one, e.g. pipeline.consumer(\"" + to.stage()
                                + "\", (DeadLetter d) -> ...)");
            }
            if (matches.size() > 1) {
                throw new PipelineDefinitionException(
                        s.name(),
                        "ambiguous stage name '" + to.stage() + "': found " + matches.size() + " matches ("
                                + String.join(", ", matches) + "); name the dead-letter stage in full");
            }
            String target = matches.getFirst();
            Placement p = placed.get(target);
            if (target.equals(s.name())) {
                throw new PipelineDefinitionException(
                        s.name(), "stage '" + s.name() + "' cannot be its own dead-letter stage: name another stage");
            }
            if (p.rule().colocates() && p.concurrency() != ANY_CALLER || p.rule() == AffinityRule.PRODUCER) {
                throw new PipelineDefinitionException(
                        s.name(),
                        "stage '" + s.name() + "' sends failed items to '" + target + "', which "
                                + (p.rule() == AffinityRule.PRODUCER
                                        ? "is a producer"
                                        : "runs colocated in the context of '" + p.host() + "'")
                                + ": make the dead-letter stage with pipeline.consumer(...) or give it an Exec");
            }
            targets.put(s.name(), target);
        }
        return targets;
    }

    private static Placement place(StageGraph graph, StageSpec s, Map<String, Placement> placed) {
        Exec exec = s.exec().orElse(null);
        List<String> ups = s.upstreams();
        if (s.operation().isProducer()) {
            ContextKind kind = exec == null ? graph.defaultContext() : exec.kind();
            if (exec != null && exec.max() > 1) {
                throw new PipelineDefinitionException(
                        s.name(),
                        "producer '" + s.name() + "' runs its Source once, so " + exec
                                + " would leave contexts idle: use a size of 1, or split the source into several producers and merge them");
            }
            if (exec != null && exec.queueSize().isPresent()) {
                throw new PipelineDefinitionException(
                        s.name(),
                        "producer '" + s.name() + "' has no input queue, so queueSize does not apply: remove it");
            }
            if (!kind.isLocal()) {
                throw new PipelineDefinitionException(
                        s.name(),
                        "producer '" + s.name() + "' cannot run on " + kind
                                + ": producers run in this JVM; put the heavy work in a stage after it");
            }
            int n = kind == ContextKind.INLINE ? 0 : 1;
            int priority = exec == null ? 0 : exec.priority();
            return new Placement(
                    s.name(), kind, n, n, Optional.empty(), s.name(), 0, 1, AffinityRule.PRODUCER, n, priority);
        }
        if (exec != null && exec.kind() == ContextKind.INLINE) {
            if (exec.queueSize().isPresent()) {
                throw new PipelineDefinitionException(
                        s.name(),
                        "stage '" + s.name() + "' is Exec.inline(), which has no input queue: remove queueSize");
            }
            if (ups.size() > 1) {
                throw new PipelineDefinitionException(
                        s.name(),
                        "stage '" + s.name() + "' is Exec.inline() but has " + ups.size() + " upstreams " + ups
                                + ": a direct call needs exactly one; drop Exec.inline() to give it a context of its own");
            }
            if (ups.isEmpty()) {
                return new Placement(
                        s.name(),
                        ContextKind.INLINE,
                        0,
                        0,
                        Optional.empty(),
                        s.name(),
                        0,
                        ANY_CALLER,
                        AffinityRule.EXPLICIT_INLINE);
            }
            Placement up = placed.get(ups.getFirst());
            return new Placement(
                    s.name(),
                    up.kind(),
                    0,
                    0,
                    Optional.of(up.stage()),
                    up.host(),
                    0,
                    up.concurrency(),
                    AffinityRule.EXPLICIT_INLINE);
        }
        if (exec != null) {
            int queue = exec.queueSize().orElse(graph.queueSize());
            return new Placement(
                    s.name(),
                    exec.kind(),
                    exec.min(),
                    exec.min(),
                    Optional.empty(),
                    s.name(),
                    queue,
                    exec.max(),
                    AffinityRule.EXPLICIT,
                    exec.max(),
                    exec.priority());
        }
        if (ups.size() != 1) {
            return ownDefault(graph, s, placed, AffinityRule.FAN_IN);
        }
        Placement up = placed.get(ups.getFirst());
        if (graph.stage(up.stage()).operation().isAccumulator()) {
            return ownDefault(graph, s, placed, AffinityRule.AFTER_ACCUMULATOR);
        }
        if (up.concurrency() != 1 || !up.kind().isLocal()) {
            return ownDefault(graph, s, placed, AffinityRule.UPSTREAM_NOT_SINGLE);
        }
        return new Placement(
                s.name(), up.kind(), 0, 0, Optional.of(up.stage()), up.host(), 0, 1, AffinityRule.COLOCATED);
    }

    private static Placement ownDefault(
            StageGraph graph, StageSpec s, Map<String, Placement> placed, AffinityRule rule) {
        ContextKind kind = graph.defaultContext();
        if (kind == ContextKind.INLINE) {
            // An inline default is a direct call from every upstream: as concurrent as they are together.
            long callers = s.upstreams().isEmpty() ? ANY_CALLER : 0;
            for (String up : s.upstreams()) {
                callers += placed.get(up).concurrency();
            }
            int concurrency = (int) Math.min(ANY_CALLER, callers);
            return new Placement(s.name(), kind, 0, 0, Optional.empty(), s.name(), 0, concurrency, rule);
        }
        return new Placement(s.name(), kind, 1, 1, Optional.empty(), s.name(), graph.queueSize(), 1, rule);
    }

    private static void share(
            StageGraph graph,
            Map<String, Placement> placed,
            Map<ContextKind, PoolShare> shares,
            ContextKind kind,
            int limit,
            String limitName) {
        List<Placement> owners = new ArrayList<>();
        for (Placement p : placed.values()) {
            if (p.kind() == kind && p.contexts() > 0 && !p.rule().colocates()) {
                owners.add(p);
            }
        }
        if (owners.isEmpty()) {
            return;
        }
        if (owners.size() > limit) {
            List<String> names = owners.stream().map(Placement::stage).toList();
            throw new PipelineDefinitionException(
                    null,
                    limitName + "(" + limit + ") of pipeline '" + graph.pipeline() + "' cannot give each of the "
                            + owners.size() + " stages that need a "
                            + kind.name().toLowerCase(Locale.ROOT)
                            + " context at least one " + names + ": raise " + limitName + " to at least "
                            + owners.size() + ", or let some of them run colocated or on another kind");
        }
        long demand = owners.stream().mapToLong(Placement::requested).sum();
        Map<String, Integer> granted = new LinkedHashMap<>();
        Map<String, Integer> priorities = new LinkedHashMap<>();
        owners.forEach(p -> priorities.put(p.stage(), p.priority()));
        if (demand <= limit) {
            owners.forEach(p -> granted.put(p.stage(), p.requested()));
        } else {
            long[] give = divide(owners, limit);
            for (int i = 0; i < owners.size(); i++) {
                granted.put(owners.get(i).stage(), (int) (1 + give[i]));
            }
        }
        granted.forEach((stage, n) -> placed.put(stage, placed.get(stage).withContexts(n)));
        shares.put(kind, new PoolShare(kind, limit, demand, granted, priorities));
    }

    /**
     * What each owner gets beyond its first context when they ask for more than {@code limit}: the
     * spare (the limit less one per owner) goes to the highest priority first, each of its stages up
     * to what it asked beyond one, then to the next priority down. The first priority that cannot
     * get all it asked shares what is left in proportion to what each asked beyond one, the
     * leftover units to the largest remainders (ties: definition order); lower priorities then get
     * their one context only. With every priority equal this is plain proportional sharing. Exact
     * long arithmetic: (asked - 1) * spare < 2^62, so no rounding can push past the limit.
     */
    private static long[] divide(List<Placement> owners, int limit) {
        long[] give = new long[owners.size()];
        long spare = limit - owners.size();
        List<Integer> levels = owners.stream()
                .map(Placement::priority)
                .distinct()
                .sorted(Collections.reverseOrder())
                .toList();
        for (int level : levels) {
            if (spare <= 0) {
                break;
            }
            List<Integer> members = new ArrayList<>();
            long extraDemand = 0;
            for (int i = 0; i < owners.size(); i++) {
                if (owners.get(i).priority() == level) {
                    members.add(i);
                    extraDemand += owners.get(i).requested() - 1L;
                }
            }
            if (extraDemand <= spare) {
                for (int i : members) {
                    give[i] = owners.get(i).requested() - 1L;
                }
                spare -= extraDemand;
                continue;
            }
            long[] remainder = new long[owners.size()];
            long given = 0;
            for (int i : members) {
                long share = (owners.get(i).requested() - 1L) * spare;
                give[i] = share / extraDemand;
                remainder[i] = share % extraDemand;
                given += give[i];
            }
            for (long left = spare - given; left > 0; left--) {
                int best = -1;
                for (int i : members) {
                    boolean room = give[i] + 1 < owners.get(i).requested();
                    if (room && (best < 0 || remainder[i] > remainder[best])) {
                        best = i;
                    }
                }
                if (best < 0) {
                    break;
                }
                give[best]++;
                remainder[best] = -1;
            }
            spare = 0;
        }
        return give;
    }

    /** The graph this plan was made from. */
    public StageGraph graph() {
        return graph;
    }

    /** The kind of context {@code stage}'s code runs in (for a colocated stage, its host's kind). */
    public ContextKind contextFor(String stage) {
        return placement(stage).kind();
    }

    /** The upstream {@code stage} is colocated with, if it is called directly by one. */
    public Optional<String> affinityFor(String stage) {
        return placement(stage).affinity();
    }

    /** Whether {@code stage} runs in the same context as {@code source}, by direct calls. */
    public boolean colocated(String stage, String source) {
        Placement a = placement(stage);
        Placement b = placement(source);
        return a.host().equals(b.host()) && (a.rule().colocates() || b.rule().colocates() || a == b);
    }

    /** Where {@code stage} runs, and why. */
    public Placement placement(String stage) {
        Placement p = placements.get(stage);
        if (p == null) {
            throw new IllegalArgumentException("no stage named '" + stage + "' in pipeline '" + graph.pipeline()
                    + "'; stages: " + placements.keySet());
        }
        return p;
    }

    /** Every stage's placement, in definition order. */
    public Collection<Placement> placements() {
        return placements.values();
    }

    /** How each global limit in use is divided among the stages. */
    public Collection<PoolShare> shares() {
        return shares.values();
    }

    /** The plan as a table: per stage, the operation, context kind, pool, affinity, queue and rule. */
    public String explain() {
        TextTable table = new TextTable("stage", "operation", "context", "pool", "affinity", "queue", "rule");
        for (Placement p : placements.values()) {
            StageSpec spec = graph.stage(p.stage());
            table.row(
                    p.stage(),
                    spec.operation().label(),
                    p.kind(),
                    pool(p),
                    p.affinity().map(a -> "with " + a).orElse("-"),
                    p.isQueued() ? Integer.toString(p.queueSize()) : "-",
                    p.rule().number() + "  " + p.rule().description());
        }
        StringBuilder sb =
                new StringBuilder("Plan of pipeline '").append(graph.pipeline()).append("'\n");
        sb.append(table.render("  "));
        List<String> remote = new ArrayList<>();
        for (Placement p : placements.values()) {
            if (!p.kind().isLocal()) {
                ContextProvider.find(p.kind())
                        .flatMap(provider -> provider.describe(graph.stage(p.stage()), p))
                        .ifPresent(line -> remote.add(p.stage() + ": " + line));
            }
        }
        if (!remote.isEmpty()) {
            sb.append("Where remote stages run\n");
            remote.forEach(line -> sb.append("  ").append(line).append('\n'));
        }
        if (!shares.isEmpty()) {
            sb.append("Global limits\n");
            for (PoolShare share : shares.values()) {
                sb.append("  ").append(limitLine(share)).append('\n');
            }
        }
        return sb.toString();
    }

    private String pool(Placement p) {
        if (p.rule().colocates()) {
            return "in " + p.host();
        }
        if (p.contexts() == 0) {
            return p.rule() == AffinityRule.PRODUCER ? "caller's thread" : "caller's thread (direct call)";
        }
        PoolShare share = shares.get(p.kind());
        boolean shared = share != null && share.shared();
        String priority = p.priority() != 0 ? "priority " + p.priority() : "";
        if (p.isAdaptive()) {
            String range = p.contexts() + ".." + p.maxContexts();
            List<String> notes = new ArrayList<>(List.of("adaptive"));
            if (shared) {
                notes.add("asked " + p.requested() + ".." + p.maxContexts() + ", shared " + limitName(p.kind()));
            }
            if (!priority.isEmpty()) {
                notes.add(priority);
            }
            return range + " (" + String.join(", ", notes) + ")";
        }
        if (shared) {
            return p.contexts() + " of " + p.requested() + " (shared " + limitName(p.kind())
                    + (priority.isEmpty() ? "" : ", " + priority) + ")";
        }
        return "x" + p.contexts() + (priority.isEmpty() ? "" : " (" + priority + ")");
    }

    private static String limitName(ContextKind kind) {
        return switch (kind) {
            case THREAD -> "maxThreads";
            case VIRTUAL -> "maxVirtualThreads";
            case PROCESS -> "maxProcesses";
            case INLINE, ISOLATED, CLUSTER -> kind.name();
        };
    }

    private static String limitLine(PoolShare share) {
        String head = limitName(share.kind()) + " " + share.limit() + ": "
                + share.granted().size() + " stage" + (share.granted().size() == 1 ? " asks for " : "s ask for ")
                + share.demand();
        if (!share.shared()) {
            return head + ", all granted (" + share.total() + " in use at most)";
        }
        String by = share.prioritized() ? " by priority " + share.priorities() : "";
        return head + ", more than the limit: shared as " + share.granted() + by + " (" + share.total()
                + " in use at most, never more than " + share.limit() + ")";
    }

    /** The plan as a Mermaid flowchart: one node per stage, direct calls drawn thick, queues labelled. */
    public String toMermaid() {
        Map<String, String> ids = new LinkedHashMap<>();
        for (StageSpec s : graph.stages()) {
            ids.put(s.name(), "s" + ids.size());
        }
        StringBuilder sb = new StringBuilder("flowchart LR\n");
        for (Placement p : placements.values()) {
            String where =
                    p.rule().colocates() ? "in " + p.host() : p.kind() + (p.contexts() > 0 ? " x" + p.contexts() : "");
            sb.append("  ")
                    .append(ids.get(p.stage()))
                    .append("[\"")
                    .append(p.stage().replace("\"", "'"))
                    .append("<br/>")
                    .append(graph.stage(p.stage()).operation().label())
                    .append(" · ")
                    .append(where)
                    .append("\"]\n");
        }
        for (StageSpec s : graph.stages()) {
            for (String up : s.upstreams()) {
                Placement p = placements.get(s.name());
                String edge = p.isQueued()
                        ? " -->|queue " + p.queueSize() + "| "
                        : p.rule().colocates() ? " ==>|direct| " : " -->|call| ";
                sb.append("  ")
                        .append(ids.get(up))
                        .append(edge)
                        .append(ids.get(s.name()))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return explain();
    }
}
