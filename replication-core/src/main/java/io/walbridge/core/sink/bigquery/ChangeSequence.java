package io.walbridge.core.sink.bigquery;

import io.walbridge.core.change.Lsn;

/**
 * BigQuery's {@code _CHANGE_SEQUENCE_NUMBER} for a row: {@code COMMITLSN/POSITION} in hex, two of the four
 * sections BigQuery allows, compared section by section. Commit LSNs grow in commit order and positions in
 * transaction order, so for every key the last source change wins, however often or in whatever order rows
 * arrive. Rows of the initial copy get {@code 0/0}: every streamed change wins over them.
 */
final class ChangeSequence {

    static final String COPY = "0/0";

    private ChangeSequence() {
    }

    static String of(Lsn commit, long position) {
        return Long.toHexString(commit.value()).toUpperCase() + "/" + Long.toHexString(position).toUpperCase();
    }
}
