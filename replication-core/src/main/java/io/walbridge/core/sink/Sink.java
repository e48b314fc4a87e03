package io.walbridge.core.sink;

import io.walbridge.core.change.Lsn;
import io.walbridge.core.change.SourceEvent;

import java.util.List;
import java.util.Optional;

/** A destination that applies source events in commit order and knows how far it durably got. */
public interface Sink extends AutoCloseable {

    /** The end position of the last source transaction the destination durably holds; empty for a new destination. */
    Optional<Lsn> durablePosition();

    /**
     * Applies events in order. A batch may end inside a transaction (huge transactions arrive in many
     * batches); the sink then keeps it open and commits when the transaction's Commit arrives.
     *
     * @return the end LSN of the newest transaction durably committed by this call, if any
     */
    Optional<Lsn> apply(List<SourceEvent> events);

    @Override
    void close();
}
