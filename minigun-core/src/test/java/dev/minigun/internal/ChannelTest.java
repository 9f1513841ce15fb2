package dev.minigun.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.minigun.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The queue in front of a stage: batches into workers' hands, timed takes, the end, and its work. */
class ChannelTest {
    private final Quiescence quiescence = new Quiescence();

    @Test
    void aWorkerTakesWhatWaitsIntoItsHandAtMostAHandfulAtATime() throws Exception {
        Channel channel = new Channel("work", 16, quiescence);
        for (int i = 0; i < 5; i++) {
            channel.put(i);
        }
        Channel.Hand hand = takerOf(channel, channel.handSize());

        assertThat(channel.handSize()).as("an eighth of 16").isEqualTo(2);
        assertThat(channel.fill(hand, 0, Channel.FOREVER)).isEqualTo(2);
        assertThat(channel.depth())
                .as("items in a hand, not started, still wait")
                .isEqualTo(5);
        assertThat(hand.next()).isEqualTo(0);
        assertThat(channel.depth()).isEqualTo(4);
        assertThat(hand.next()).isEqualTo(1);
        assertThat(hand.next()).isNull();
        assertThat(drain(channel, hand)).containsExactly(2, 3, 4);
    }

    @Test
    void severalWorkersEachTakeAFairShare() throws Exception {
        Channel channel = new Channel("work", 1024, quiescence);
        for (int i = 0; i < 8; i++) {
            channel.put(i);
        }
        Channel.Hand first = takerOf(channel, channel.handSize());
        Thread other = Thread.ofPlatform().start(() -> takerOf(channel, channel.handSize()));
        other.join();

        assertThat(channel.fill(first, 0, Channel.FOREVER))
                .as("8 waiting, 2 takers")
                .isEqualTo(4);
    }

    @Test
    void aWorkerThatHasNotStartedYetStillGetsItsShare() throws Exception {
        Channel channel = new Channel("work", 1024, quiescence);
        channel.join(channel.handSize()); // started by the run, not running yet
        Channel.Hand first = takerOf(channel, channel.handSize());
        for (int i = 0; i < 8; i++) {
            channel.put(i);
        }

        assertThat(channel.fill(first, 0, Channel.FOREVER))
                .as("8 waiting, 2 workers")
                .isEqualTo(4);
    }

    @Test
    void aTimedTakeReturnsItemsATimeoutOrTheEnd() throws Exception {
        Channel channel = new Channel("work", 4, quiescence);
        Channel.Hand hand = takerOf(channel, 1);
        channel.put("a");

        assertThat(channel.fill(hand, 0, TimeUnit.SECONDS.toNanos(5))).isEqualTo(1);
        assertThat(hand.next()).isEqualTo("a");
        assertThat(channel.fill(hand, 1, TimeUnit.MILLISECONDS.toNanos(1)))
                .as("timed out")
                .isZero();
        assertThat(channel.fill(hand, 0, 0)).isZero();
        channel.put("b");
        channel.close();
        assertThat(channel.fill(hand, 0, 0))
                .as("a closed queue is drained first")
                .isEqualTo(1);
        assertThat(hand.next()).isEqualTo("b");
        assertThat(channel.fill(hand, 1, TimeUnit.SECONDS.toNanos(5)))
                .as("then it ends")
                .isEqualTo(-1);
    }

    @Test
    void aWaitingTakeWakesForAnItemAndForAnAbort() throws Exception {
        Channel channel = new Channel("work", 4, quiescence);
        AtomicInteger got = new AtomicInteger(-2);
        CountDownLatch waiting = new CountDownLatch(1);
        Thread taker = Thread.ofPlatform().start(() -> {
            Channel.Hand hand = takerOf(channel, 1);
            waiting.countDown();
            try {
                got.set(channel.fill(hand, 0, TimeUnit.SECONDS.toNanos(30)));
            } catch (InterruptedException e) {
                got.set(-3);
            }
        });
        assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();
        channel.put("x");
        taker.join();
        assertThat(got.get()).isEqualTo(1);

        Thread aborted = Thread.ofPlatform().start(() -> {
            try {
                got.set(channel.fill(takerOf(channel, 1), 0, Channel.FOREVER));
            } catch (InterruptedException e) {
                got.set(-3);
            }
        });
        channel.abort();
        aborted.join();
        assertThat(got.get()).isEqualTo(-1);
    }

    @Test
    void aThousandVirtualThreadsSleepingOnAQueueAllHearOfItsCloseAndOfAnAbort() throws Exception {
        for (boolean abort : new boolean[] {false, true}) {
            Channel channel = new Channel("io", 256, quiescence);
            int takers = 1000;
            AtomicInteger ended = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < takers; i++) {
                Channel.Hand hand = channel.join(1);
                threads.add(Thread.ofVirtual().start(() -> {
                    channel.bind();
                    try {
                        if (channel.fill(hand, 0, Channel.FOREVER) == -1) {
                            ended.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        channel.unregisterTaker(hand);
                    }
                }));
            }
            if (abort) {
                channel.abort();
            } else {
                channel.close();
            }
            for (Thread t : threads) {
                assertThat(t.join(Duration.ofSeconds(30))).as("a taker ended").isTrue();
            }
            assertThat(ended.get()).as(abort ? "after abort" : "after close").isEqualTo(takers);
            assertThat(channel.depth()).isZero();
        }
    }

    @Test
    void aQueueIsOneUnitOfWorkUntilEveryItemItHeldIsFinished() throws Exception {
        Channel channel = new Channel("work", 4, quiescence);
        Channel.Hand hand = takerOf(channel, 1);
        assertThat(quiescence.isQuiet()).isTrue();

        channel.put("a");
        channel.put("b");
        assertThat(quiescence.isQuiet()).as("two items wait").isFalse();
        channel.fill(hand, 0, Channel.FOREVER);
        assertThat(hand.next()).isEqualTo("a");
        channel.fill(hand, 1, Channel.FOREVER);
        assertThat(hand.next()).as("a is settled as b is taken").isEqualTo("b");
        assertThat(quiescence.isQuiet()).as("b is taken but not finished").isFalse();
        channel.finished(1);
        assertThat(quiescence.isQuiet()).as("nothing waits, nothing in hand").isTrue();

        channel.put("c");
        assertThat(quiescence.isQuiet()).isFalse();
        channel.close();
        assertThat(drain(channel, hand)).containsExactly("c");
        assertThat(quiescence.isQuiet()).as("c settled on the way to the end").isTrue();
    }

    @Test
    void aFinishedCountSettlesEvenWhenTheTakeIsInterrupted() throws Exception {
        Channel channel = new Channel("work", 4, quiescence);
        Channel.Hand hand = takerOf(channel, 1);
        channel.put("a");
        channel.fill(hand, 0, Channel.FOREVER);
        hand.next();

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> channel.fill(hand, 1, Channel.FOREVER))
                .as("the queue is empty: the take waits, and the interrupt ends the wait")
                .isInstanceOf(InterruptedException.class);

        assertThat(quiescence.isQuiet()).as("a was settled before the wait").isTrue();
    }

    @Test
    void aSenderWaitingForRoomWakesOnceTakersHaveFreedHalfTheQueue() throws Exception {
        Channel channel = new Channel("work", 4, quiescence);
        for (int i = 0; i < 4; i++) {
            channel.put(i);
        }
        Thread sender = Thread.ofPlatform().start(() -> {
            try {
                channel.put(4); // full: waits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Channel.Hand hand = takerOf(channel, 1);
        List<Object> got = takeOneByOne(channel, hand, 5);
        sender.join();

        assertThat(got).containsExactly(0, 1, 2, 3, 4);
        assertThat(channel.peakDepth()).isEqualTo(4);
    }

    @Test
    void aWorkerPuttingIntoItsOwnFullQueueOverflowsAndKeepsTheOrder() throws Exception {
        Channel channel = new Channel("loop", 2, quiescence);
        Channel.Hand hand = takerOf(channel, 1); // this thread takes from it: its puts never wait
        channel.put("a");
        channel.put("b");
        channel.put("c");

        assertThat(channel.depth()).as("one past the capacity").isEqualTo(3);
        assertThat(channel.peakDepth()).isEqualTo(3);
        assertThat(channel.fill(hand, 0, Channel.FOREVER)).isEqualTo(1);
        assertThat(hand.next()).isEqualTo("a");
        channel.put("d"); // there is room in the ring now, but c came first
        assertThat(drain(channel, hand)).containsExactly("b", "c", "d");
        assertThat(quiescence.isQuiet()).isFalse(); // a is still in hand, not finished
        channel.finished(1);
        assertThat(quiescence.isQuiet()).isTrue();
    }

    @Test
    void theRunNeverLooksQuietWhileASenderIsStillSending() throws Exception {
        Channel channel = new Channel("work", 64, quiescence);
        int items = 3_000_000;
        java.util.concurrent.atomic.AtomicBoolean sent = new java.util.concurrent.atomic.AtomicBoolean();
        AtomicInteger quietTooEarly = new AtomicInteger();
        AtomicInteger taken = new AtomicInteger();
        quiescence.enter(); // the producer's own unit
        Thread taker = Thread.ofPlatform().start(() -> {
            Channel.Hand hand = takerOf(channel, channel.handSize());
            try {
                int finished = 0;
                int n;
                while ((n = channel.fill(hand, finished, Channel.FOREVER)) > 0) {
                    while (hand.next() != null) {
                        taken.incrementAndGet();
                    }
                    finished = n;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread watcher = Thread.ofPlatform().start(() -> {
            while (!sent.get()) {
                boolean quiet = quiescence.isQuiet(); // read first: quiet means the producer said it was done
                if (quiet && !sent.get()) {
                    quietTooEarly.incrementAndGet();
                }
            }
        });
        for (int i = 0; i < items; i++) {
            channel.put(i);
        }
        sent.set(true);
        quiescence.exit();
        try {
            // The queue gives its unit back once its taker has finished everything and goes to sleep.
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> quiescence.await(() -> false));
        } finally {
            channel.close(); // the taker ends, whatever the outcome
            taker.join();
            watcher.join();
        }

        assertThat(quietTooEarly.get())
                .as("times the run looked quiet while the producer was still sending")
                .isZero();
        assertThat(taken.get()).isEqualTo(items);
    }

    @Test
    void inASingleSenderQueueTheUpstreamOwnsTheRingAndEveryoneElsePutsBesideIt() throws Exception {
        Channel channel = new Channel("sink", 8, quiescence, false, true);
        Thread upstream = Thread.ofPlatform().start(() -> {
            try {
                channel.putAsUpstream("u1"); // the first upstream put: this thread owns the ring
                channel.putAsUpstream("u2");
                channel.put("u3"); // its emitTo into the same stage goes to its ring too
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        upstream.join();
        channel.putAsUpstream("x1"); // the ring has its owner: another thread puts beside it
        channel.put("x2"); // an emitTo from elsewhere

        assertThat(channel.depth()).isEqualTo(5);
        assertThat(drain(channel, takerOf(channel, 8)))
                .as("the items put beside the ring keep their place in the order of the puts")
                .containsExactly("u1", "u2", "u3", "x1", "x2");
        assertThat(channel.depth()).isZero();
    }

    @Test
    void aSenderThatTakesOverFromTheOwnerKeepsTheOrderOfTheEdge() throws Exception {
        // A batch's lists: filled by the owner, a partial one flushed by another thread in between.
        Channel channel = new Channel("sink", 8, quiescence, false, true);
        CountDownLatch firstPut = new CountDownLatch(1);
        CountDownLatch flushed = new CountDownLatch(1);
        Thread owner = Thread.ofPlatform().start(() -> {
            try {
                channel.putAsUpstream("list1");
                firstPut.countDown();
                flushed.await();
                channel.putAsUpstream("list3");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(firstPut.await(30, TimeUnit.SECONDS)).isTrue();
        channel.putAsUpstream("list2"); // the flush, beside the ring
        flushed.countDown();
        owner.join();

        assertThat(drain(channel, takerOf(channel, 8))).containsExactly("list1", "list2", "list3");
    }

    @Test
    void theOwnerWaitsWhileTheRingAndTheListBesideItHoldTheCapacity() throws Exception {
        Channel channel = new Channel("sink", 4, quiescence, false, true);
        CountDownLatch owned = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch ownerPut = new CountDownLatch(1);
        Thread owner = Thread.ofPlatform().start(() -> {
            try {
                channel.putAsUpstream("u1");
                owned.countDown();
                go.await();
                channel.putAsUpstream("u2"); // the ring has room, but not the queue: waits
                ownerPut.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(owned.await(30, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 3; i++) {
            channel.put("x" + i); // beside the ring: 1 + 3 items, the capacity
        }
        go.countDown();
        awaitParked(owner);
        assertThat(ownerPut.getCount()).as("no room: the owner waits").isOne();
        assertThat(channel.depth()).as("the capacity, and no more").isEqualTo(4);

        Channel.Hand hand = takerOf(channel, 1);
        List<Object> got = takeOneByOne(channel, hand, 5);
        owner.join();
        assertThat(got).containsExactly("u1", "x0", "x1", "x2", "u2");
    }

    @Test
    void anotherSenderOfASingleSenderQueueWaitsForRoomAndATakerNeverWaits() throws Exception {
        Channel channel = new Channel("sink", 4, quiescence, false, true);
        Thread upstream = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; i < 4; i++) {
                    channel.putAsUpstream(i); // the ring is full
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        upstream.join();
        CountDownLatch putAside = new CountDownLatch(1);
        Thread other = Thread.ofPlatform().start(() -> {
            try {
                channel.put("aside"); // the ring and the list beside it hold the capacity: waits
                putAside.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        awaitParked(other);
        assertThat(putAside.getCount()).as("no room: the other sender waits").isOne();
        Channel.Hand hand = takerOf(channel, 1);
        channel.put("self"); // a taker of the queue puts beside the ring, full or not, at once

        List<Object> got = takeOneByOne(channel, hand, 6);
        other.join();

        assertThat(got)
                .as("each item put beside the ring in its place in the order of the puts")
                .containsExactly(0, 1, 2, 3, "self", "aside");
        assertThat(putAside.getCount()).isZero();
    }

    @Test
    void anAbortWakesASenderWaitingBesideAFullSingleSenderQueue() throws Exception {
        Channel channel = new Channel("sink", 2, quiescence, false, true);
        channel.putAsUpstream("a");
        channel.putAsUpstream("b");
        AtomicInteger outcome = new AtomicInteger();
        Thread other = Thread.ofPlatform().start(() -> {
            try {
                channel.put("c");
                outcome.set(1);
            } catch (RunCancelledException e) {
                outcome.set(2);
            } catch (InterruptedException e) {
                outcome.set(3);
            }
        });
        awaitParked(other);
        channel.abort();
        other.join();

        assertThat(outcome.get()).as("the waiting sender hears of the cancel").isEqualTo(2);
    }

    /** Waits until {@code thread} is parked (waiting for room, here) or, wrongly, has already ended. */
    private static void awaitParked(Thread thread) {
        assertThat(Eventually.within(
                        Duration.ofSeconds(30), () -> thread.getState() == Thread.State.WAITING || !thread.isAlive()))
                .as("%s parks within 30 s", thread)
                .isTrue();
    }

    /**
     * Takes {@code count} items one at a time into {@code hand} (of one item), finishing each before
     * the next, waiting up to 30 s for each (a sender may still have to wake up to put it).
     */
    private static List<Object> takeOneByOne(Channel channel, Channel.Hand hand, int count)
            throws InterruptedException {
        List<Object> got = new ArrayList<>();
        int finished = 0;
        while (got.size() < count) {
            assertThat(channel.fill(hand, finished, TimeUnit.SECONDS.toNanos(30)))
                    .as("an item within 30 s after %s", got)
                    .isEqualTo(1);
            got.add(hand.next());
            finished = 1;
        }
        return got;
    }

    /** Closes the queue, then takes and finishes everything until it ends. */
    private static List<Object> drain(Channel channel, Channel.Hand hand) throws InterruptedException {
        List<Object> got = new ArrayList<>();
        int finished = 0;
        channel.close(); // closing twice is harmless
        while (channel.fill(hand, finished, Channel.FOREVER) > 0) {
            finished = 0;
            for (Object item; (item = hand.next()) != null; ) {
                got.add(item);
                finished++;
            }
        }
        return got;
    }

    /** Makes the calling thread a worker of {@code channel}, taking into a hand of {@code size} items. */
    private static Channel.Hand takerOf(Channel channel, int size) {
        Channel.Hand hand = channel.join(size);
        channel.bind();
        return hand;
    }
}
