package io.walbridge.core.change;

import java.time.Instant;

/** What flows from the source to the sink, in source commit order: transaction bounds and row changes. */
public sealed interface SourceEvent permits SourceEvent.Begin, SourceEvent.Commit, Change {

    /** Start of a committed source transaction; every change until the matching {@link Commit} belongs to it. */
    record Begin(long xid, Lsn finalLsn, Instant commitTime) implements SourceEvent {
    }

    /**
     * End of a source transaction.
     *
     * @param endLsn the position just after the commit record: what a consumer confirms once it is applied
     */
    record Commit(long xid, Lsn commitLsn, Lsn endLsn, Instant commitTime) implements SourceEvent {
    }
}
