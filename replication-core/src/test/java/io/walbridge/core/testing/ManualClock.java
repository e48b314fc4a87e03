package io.walbridge.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when the test says so, so no test waits for real seconds. */
public final class ManualClock extends Clock {

    private volatile Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    /**
     * Starts a day before the real time, on a whole second. The server stamps slots with its real clock
     * (inactive_since) and WalBridge keeps the earlier of the server's and its own observation; starting
     * this far back keeps every server timestamp later than this clock, so tests see only their own.
     */
    public static ManualClock beforeServerTimes() {
        return new ManualClock(Instant.ofEpochSecond(Instant.now().getEpochSecond()).minus(Duration.ofDays(1)));
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
