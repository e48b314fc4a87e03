package io.walbridge.core.snapshot;

import io.walbridge.core.change.TableId;
import io.walbridge.core.source.TableDefinition;

import java.io.IOException;
import java.util.Map;

/** A destination that can take a table copy: emptied, filled in parallel chunks, then marked complete. */
public interface SnapshotTarget {

    /** Tables whose copy completed earlier, with the snapshot each was copied at. */
    Map<TableId, TxidSnapshot> completedTables();

    /** Creates the table if missing and empties it; returns the COPY format both sides can use. */
    CopyFormat prepareTable(TableDefinition table);

    /** Opens a writer on its own connection for one chunk of rows in {@code format}. */
    ChunkWriter openChunk(TableDefinition table, CopyFormat format);

    /** Records that the table now holds exactly the rows its snapshot saw. */
    void completeTable(TableId table, TxidSnapshot snapshot, long rows);

    /** Forgets a completed copy so that the table is copied again. */
    void forgetTable(TableId table);

    /** COPY data formats; binary is faster but needs identical column types on both sides. */
    enum CopyFormat { TEXT, BINARY }

    /** Receives one chunk's COPY data and commits it. */
    interface ChunkWriter extends AutoCloseable {
        void write(byte[] data, int length) throws IOException;

        /** Ends the COPY and commits; returns the rows written. */
        long commit() throws IOException;

        @Override
        void close();
    }
}
