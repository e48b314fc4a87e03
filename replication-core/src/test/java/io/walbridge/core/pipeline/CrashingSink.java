package io.walbridge.core.pipeline;

import io.walbridge.core.change.Lsn;
import io.walbridge.core.change.SourceEvent;
import io.walbridge.core.sink.Sink;

import java.util.List;
import java.util.Optional;

/**
 * Wraps a real sink and dies at a chosen apply call: before applying it, or (after applying) at the
 * first call from there on that committed something on the destination.
 */
final class CrashingSink implements Sink {

    /** Stands for the process dying: not a failure the pipeline may retry. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash");
        }
    }

    private final Sink delegate;
    private final int crashAtCall;
    private final boolean afterApplying;
    private int calls;

    CrashingSink(Sink delegate, int crashAtCall, boolean afterApplying) {
        this.delegate = delegate;
        this.crashAtCall = crashAtCall;
        this.afterApplying = afterApplying;
    }

    @Override
    public Optional<Lsn> durablePosition() {
        return delegate.durablePosition();
    }

    @Override
    public Optional<Lsn> apply(List<SourceEvent> events) {
        calls++;
        if (calls == crashAtCall && !afterApplying) {
            throw new SimulatedCrash();
        }
        Optional<Lsn> result = delegate.apply(events);
        if (calls >= crashAtCall && result.isPresent()) {
            throw new SimulatedCrash(); // committed on the destination, never confirmed to the source
        }
        return result;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
