package dev.minigun.examples;

import dev.minigun.Emitter;
import dev.minigun.Pipeline;
import dev.minigun.RunReport;
import dev.minigun.Stage;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Dynamic routing with {@code emitTo}: a triage stage reads each support ticket and decides at run
 * time where it goes: severe tickets to the on-call pager, the rest to a scheduling stage that sets
 * a due date and hands them to the backlog. The receiving stages are declared with
 * {@code pipeline.consumer(...)} and {@code pipeline.processor(...)}: they have no static upstream,
 * only a name to send to. Use it when the destination depends on the item's content, and several
 * destinations would otherwise need a filter each.
 */
public final class EmitToRouting {
    private EmitToRouting() {}

    /** A support ticket; severity 1 is the most urgent. */
    record Ticket(String id, String customer, int severity, String subject) {}

    /** A ticket with the number of days the team has to answer it. */
    record Scheduled(String ticketId, int dueInDays) {}

    static final List<Ticket> TICKETS = List.of(
            new Ticket("T-101", "acme", 3, "Invoice shows the wrong VAT number"),
            new Ticket("T-102", "globex", 1, "Checkout returns HTTP 500 for all users"),
            new Ticket("T-103", "initech", 4, "Typo on the pricing page"),
            new Ticket("T-104", "acme", 2, "Password reset e-mails are delayed"),
            new Ticket("T-105", "umbrella", 3, "Export to CSV drops the last column"),
            new Ticket("T-106", "globex", 1, "Data center in eu-west unreachable"));

    public static void main(String[] args) {
        run(System.out);
    }

    static RunReport run(PrintStream out) {
        ConcurrentLinkedQueue<Ticket> paged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Scheduled> backlog = new ConcurrentLinkedQueue<>();

        Pipeline p = Pipeline.create("support");
        Stage<Ticket> tickets = p.producer("inbox", emitter -> TICKETS.forEach(emitter::emit));
        tickets.process("triage", (ticket, emitter) -> {
            if (ticket.severity() <= 2) {
                emitter.emitTo("pager", ticket);
            } else {
                emitter.emitTo("schedule", ticket);
            }
        });
        p.consumer("pager", (Ticket ticket) -> paged.add(ticket));
        p.processor(
                        "schedule",
                        (Ticket ticket, Emitter<Scheduled> emitter) ->
                                emitter.emit(new Scheduled(ticket.id(), ticket.severity() == 3 ? 2 : 10)))
                .consume("backlog", backlog::add);

        RunReport report = p.run();

        out.printf("Triage routed %d tickets:%n", report.stage("triage").out());
        out.printf(
                "  pager    %s%n",
                paged.stream()
                        .map(t -> t.id() + " (" + t.subject() + ")")
                        .sorted()
                        .toList());
        out.printf(
                "  backlog  %s%n",
                backlog.stream()
                        .map(s -> s.ticketId() + " due in " + s.dueInDays() + " days")
                        .sorted()
                        .toList());
        out.printf(
                "Report: pager received %d, schedule received %d, backlog consumed %d%n",
                report.stage("pager").in(),
                report.stage("schedule").in(),
                report.stage("backlog").completed());
        return report;
    }
}
