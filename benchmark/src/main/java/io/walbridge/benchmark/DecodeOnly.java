package io.walbridge.benchmark;

import io.walbridge.core.change.Change;
import io.walbridge.core.change.Lsn;
import io.walbridge.core.change.SourceEvent;
import io.walbridge.core.source.ChangeAssembler;
import io.walbridge.core.source.PgEndpoint;
import io.walbridge.core.source.PgOutputDecoder;
import io.walbridge.core.source.ReadPacing;
import io.walbridge.core.source.WalReader;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;

/**
 * WalBridge's read path alone: {@link WalReader} → {@link PgOutputDecoder} → {@link ChangeAssembler},
 * read the way the pipeline's reader thread reads, with nothing applied. Confirms the end at the end,
 * as pg_recvlogical does.
 */
final class DecodeOnly {

    private DecodeOnly() {
    }

    /** Reads {@code slot} until every transaction before {@code end} has been decoded; returns the changes seen. */
    static long read(PgEndpoint source, String slot, String publication, Lsn end) throws InterruptedException {
        PgOutputDecoder decoder = new PgOutputDecoder();
        ChangeAssembler assembler = new ChangeAssembler();
        ReadPacing pacing = new ReadPacing();
        long changes = 0;
        try (WalReader reader = WalReader.open(source, slot, publication, Lsn.ZERO, Duration.ofSeconds(10))) {
            while (assembler.inTransaction() || reader.lastReceived().isBefore(end)) {
                ByteBuffer buf = reader.readPending();
                if (buf == null) {
                    pacing.waitForMore(); // as the pipeline's reader waits when nothing is pending
                    continue;
                }
                pacing.received();
                Optional<SourceEvent> event = assembler.accept(decoder.decode(buf));
                if (event.isPresent() && event.get() instanceof Change) {
                    changes++;
                }
            }
            reader.confirm(end);
            reader.sendStatus();
        }
        return changes;
    }
}
