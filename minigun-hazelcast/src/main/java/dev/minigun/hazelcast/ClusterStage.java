package dev.minigun.hazelcast;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import dev.minigun.HostInfo;
import dev.minigun.execution.ExecutionContext;
import dev.minigun.execution.RemoteOutcome;
import dev.minigun.execution.RemoteStage;
import dev.minigun.process.ShippedStage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/*
 * A stage on cluster(n) for one run.
 *
 * Flow: each of the stage's n contexts takes a batch from the stage's queue (the core drains up to
 * 64 items) and calls call(), which splits it into one slice per live member, submits each slice
 * to its member with IExecutorService.submitToMember, and waits for all of them. So every member
 * has at most n slices of the stage in flight, and members that join during the run get work from
 * the next batch on.
 *
 * Member loss: a slice whose member leaves (MemberLeftException), disconnects (kill -9 closes its
 * sockets: TargetDisconnectedException), is no longer a member (TargetNotMemberException) or shuts
 * down under it (HazelcastInstanceNotActiveException) goes to another member. No outcome of a
 * slice comes back before the member has run all of it, and the answer is the only way anything
 * reaches the coordinator, so nothing is lost and nothing reaches downstream twice; the stage's
 * code may run twice on an item whose member died, which is why the docs ask for pure stages. A
 * member lost once gets nothing more in this run.
 */
final class ClusterStage implements RemoteStage {
    /** The name of the executor service members run batches on. */
    static final String EXECUTOR = "minigun-batches";

    private final ShippedStage shipped;
    private final String where;
    private final String id = UUID.randomUUID().toString();
    private final ClusterClients.Lease lease;
    private final IExecutorService executor;
    private final Set<UUID> hasCode = ConcurrentHashMap.newKeySet();
    private final Map<UUID, MemberTally> tallies = new ConcurrentHashMap<>();
    private final AtomicInteger rotation = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    ClusterStage(ShippedStage shipped, String where, ClusterClients.Lease lease) {
        this.shipped = shipped;
        this.where = where;
        this.lease = lease;
        this.executor = lease.client.getExecutorService(EXECUTOR);
    }

    @Override
    public ExecutionContext newContext(String name) {
        if (closed.get()) {
            throw new IllegalStateException("stage '" + shipped.stage() + "' is closed");
        }
        return new ClusterContext(name);
    }

    /** One slice of a batch on its way to a member, or back. */
    private record Flight(
            List<Object> slice, int offset, List<Integer> sent, byte[] payload, Member member, Future<byte[]> answer) {}

    @Override
    public List<RemoteOutcome> call(List<Object> items) throws Exception {
        RemoteOutcome[] outcomes = new RemoteOutcome[items.size()];
        List<Member> members = liveMembers();
        int k = Math.min(members.size(), items.size());
        int first = Math.floorMod(rotation.getAndIncrement(), members.size());
        List<Flight> flights = new ArrayList<>(k);
        List<Future<byte[]>> sent = new ArrayList<>(); // every answer awaited, re-sends included
        try {
            for (int i = 0; i < k; i++) {
                int from = items.size() * i / k;
                int to = items.size() * (i + 1) / k;
                Flight f = launch(
                        items.subList(from, to), from, members.get((first + i) % members.size()), outcomes, sent);
                if (f != null) {
                    flights.add(f);
                }
            }
            for (Flight f : flights) {
                land(f, outcomes, sent);
            }
        } catch (InterruptedException | RuntimeException | java.io.IOException e) {
            // The batch fails as a whole: the slices already sent must not run on for items counted failed.
            sent.forEach(answer -> answer.cancel(true));
            throw e;
        }
        return Arrays.asList(outcomes);
    }

    /** Encodes {@code slice} (an item that cannot travel fails alone) and sends it; null if nothing is left to send. */
    private Flight launch(
            List<Object> slice, int offset, Member member, RemoteOutcome[] outcomes, List<Future<byte[]>> answers)
            throws IOException {
        ShippedStage.Outgoing out = shipped.encode(slice, "a cluster member");
        out.unsendable().forEach((i, outcome) -> outcomes[offset + i] = outcome);
        if (out.sent().isEmpty()) {
            return null;
        }
        return send(slice, offset, out.sent(), out.payload(), member, answers);
    }

    private Flight send(
            List<Object> slice,
            int offset,
            List<Integer> sent,
            byte[] payload,
            Member member,
            List<Future<byte[]>> answers) {
        // The code goes with the first slice to each member (it answers NEED_CODE if it lost it).
        byte[] withCode = hasCode.add(member.getUuid()) ? shipped.code() : null;
        Future<byte[]> answer;
        try {
            answer = executor.submitToMember(new BatchTask(id, withCode, payload), member);
        } catch (RuntimeException e) {
            if (!isMemberLoss(e)) {
                throw e;
            }
            answer = java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        answers.add(answer);
        return new Flight(slice, offset, sent, payload, member, answer);
    }

    /**
     * Waits for {@code flight}'s answer and records its outcomes; a slice whose member is lost goes
     * to another. A slice that fails otherwise (a timeout, an answer that cannot be read, no member
     * left) fails its own items with that cause; the other slices of the batch keep their outcomes.
     */
    private void land(Flight flight, RemoteOutcome[] outcomes, List<Future<byte[]>> answers)
            throws InterruptedException {
        Flight[] current = {flight}; // the slice may go to another member on the way
        try {
            landOrThrow(current, outcomes, answers);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            Exception failure = e instanceof ExecutionException x && x.getCause() instanceof Exception c ? c : e;
            RemoteOutcome failed = ShippedStage.failed(new IllegalStateException(
                    "stage '" + shipped.stage() + "': the slice sent to " + address(current[0].member()) + " failed: "
                            + failure,
                    failure));
            for (int i : flight.sent()) {
                if (outcomes[flight.offset() + i] == null) {
                    outcomes[flight.offset() + i] = failed;
                }
            }
        }
    }

    /** As {@link #land}, failing with the cause; {@code current[0]} is the flight in the air (it changes on a resend). */
    private void landOrThrow(Flight[] current, RemoteOutcome[] outcomes, List<Future<byte[]>> answers)
            throws Exception {
        while (true) {
            Flight f = current[0];
            byte[] answer;
            try {
                answer = f.answer().get();
            } catch (ExecutionException e) {
                if (!isMemberLoss(e.getCause())) {
                    throw e;
                }
                tally(f.member()).lost();
                Member next;
                try {
                    next = anotherMember();
                } catch (IllegalStateException none) {
                    none.addSuppressed(e.getCause()); // how the last member was lost
                    throw none;
                }
                current[0] = send(f.slice(), f.offset(), f.sent(), f.payload(), next, answers);
                continue;
            }
            switch (answer[0]) {
                case BatchTask.RESULT -> {
                    List<RemoteOutcome> got = shipped.decode(answer, 1); // after the status byte
                    Flight placed = f;
                    ShippedStage.place(
                            got,
                            f.sent(),
                            outcomes,
                            f.offset(),
                            () -> "stage '" + shipped.stage() + "': " + address(placed.member()));
                    tally(f.member()).ran(got.size());
                    return;
                }
                case BatchTask.NEED_CODE -> {
                    hasCode.remove(f.member().getUuid());
                    current[0] = send(f.slice(), f.offset(), f.sent(), f.payload(), f.member(), answers);
                }
                case BatchTask.REJECTED -> {
                    String why = text(answer);
                    if (f.sent().size() == 1) {
                        outcomes[f.offset() + f.sent().getFirst()] =
                                ShippedStage.rejected(why, 1).getFirst();
                        return;
                    }
                    // The member refused something in the slice: find which item, one at a time.
                    for (int i : f.sent()) {
                        Flight one = launch(List.of(f.slice().get(i)), f.offset() + i, f.member(), outcomes, answers);
                        if (one != null) {
                            land(one, outcomes, answers);
                        }
                    }
                    return;
                }
                default -> {
                    hasCode.remove(f.member().getUuid()); // it could not read the code: send it again next time
                    throw new IllegalStateException("stage '" + shipped.stage() + "': " + text(answer)
                            + ": start the members with the same class path (the same jar) as the coordinator");
                }
            }
        }
    }

    private static String text(byte[] answer) {
        return new String(answer, 1, answer.length - 1, StandardCharsets.UTF_8);
    }

    /** The members this stage may still send to, in the cluster's order; fails naming the stage if none is left. */
    private List<Member> liveMembers() {
        List<Member> live = new ArrayList<>();
        for (Member m : lease.client.getCluster().getMembers()) {
            MemberTally t = tallies.get(m.getUuid());
            if (t == null || !t.isLost()) {
                live.add(m);
            }
        }
        if (live.isEmpty()) {
            throw new IllegalStateException("stage '" + shipped.stage() + "' runs on " + where + ", but no member of "
                    + lease.config + " is left: every member it used was lost during the run; start members"
                    + " (minigun member) and run again");
        }
        return live;
    }

    private Member anotherMember() {
        List<Member> live = liveMembers();
        return live.get(Math.floorMod(rotation.getAndIncrement(), live.size()));
    }

    private MemberTally tally(Member m) {
        return tallies.computeIfAbsent(m.getUuid(), u -> new MemberTally(shipped.stage(), address(m)));
    }

    private static String address(Member m) {
        return m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }

    /** Whether {@code t} says the batch's member is gone (so the batch can go to another), not that the batch failed. */
    static boolean isMemberLoss(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof MemberLeftException
                    || c instanceof TargetDisconnectedException
                    || c instanceof TargetNotMemberException
                    || c instanceof HazelcastInstanceNotActiveException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<HostInfo> hosts() {
        return tallies.values().stream()
                .map(MemberTally::info)
                .sorted(Comparator.comparing(HostInfo::address))
                .toList();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            lease.release();
        }
    }
}
