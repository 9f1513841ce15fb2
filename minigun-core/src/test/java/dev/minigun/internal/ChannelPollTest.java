package dev.minigun.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The timed take an idle worker of an adaptive pool uses to notice that it has nothing to do. */
class ChannelPollTest {

    @Test
    void pollReturnsAnItemATimeoutOrTheEnd() throws Exception {
        Channel channel = new Channel("work", 4);
        channel.put("a");

        assertThat(channel.poll(TimeUnit.SECONDS.toNanos(5))).isEqualTo("a");
        assertThat(channel.poll(TimeUnit.MILLISECONDS.toNanos(1))).isSameAs(Channel.TIMED_OUT);
        assertThat(channel.poll(0)).isSameAs(Channel.TIMED_OUT);
        channel.put("b");
        channel.close();
        assertThat(channel.poll(0)).as("a closed queue is drained first").isEqualTo("b");
        assertThat(channel.poll(TimeUnit.SECONDS.toNanos(5))).as("then it ends").isNull();
    }

    @Test
    void aWaitingPollWakesForAnItemAndForAnAbort() throws Exception {
        Channel channel = new Channel("work", 4);
        AtomicReference<Object> got = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread taker = Thread.ofPlatform().start(() -> {
            try {
                got.set(channel.poll(TimeUnit.SECONDS.toNanos(30)));
            } catch (InterruptedException e) {
                got.set(e);
            }
            done.countDown();
        });
        channel.put("x");
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(got.get()).isEqualTo("x");
        taker.join();

        Thread aborted = Thread.ofPlatform().start(() -> {
            try {
                got.set(channel.poll(TimeUnit.SECONDS.toNanos(30)));
            } catch (InterruptedException e) {
                got.set(e);
            }
        });
        channel.abort();
        aborted.join();
        assertThat(got.get()).isNull();
    }
}
