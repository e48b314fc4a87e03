package io.walbridge.core.sink.bigquery;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BigQueryReplicationTest {

    private StandInReplication r;

    @AfterEach
    void close() {
        if (r != null) {
            r.close();
        }
    }

    @Test
    void snapshotThenStreamEndsEqualToTheSource() {
        r = new StandInReplication("CREATE TABLE items (id int PRIMARY KEY, name text, qty int)");
        r.source.source("INSERT INTO items SELECT g, 'item ' || g, g FROM generate_series(1, 300) g");
        r.catchUp();
        r.source.source("UPDATE items SET qty = qty * 10 WHERE id % 3 = 0", "DELETE FROM items WHERE id % 7 = 0",
                "INSERT INTO items VALUES (1000, 'new', 1)");
        r.catchUp();
        assertThat(r.rows("public_items", "id", "name", "qty"))
                .containsExactlyElementsOf(r.sourceRows("SELECT id::text, name, qty::text FROM items"));
        assertThat(r.table("public_items").primaryKey()).containsExactly("id");
        assertThat(r.table("public_items").maxStaleness()).isEqualTo("0-0 0 0:15:0");
    }
}
