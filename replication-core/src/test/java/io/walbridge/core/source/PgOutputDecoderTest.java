package io.walbridge.core.source;

import io.walbridge.core.change.Cell;
import io.walbridge.core.testing.PgServer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PgOutputDecoderTest {

    private final PgServer pg = PgServer.shared("source");

    /** Reads raw pgoutput bytes with pg_logical_slot_peek_binary_changes, so the decoder sees real server output. */
    private List<PgOutputMessage> decodeAll(String db, String slot, String options) throws Exception {
        List<PgOutputMessage> out = new ArrayList<>();
        PgOutputDecoder decoder = new PgOutputDecoder();
        try (Connection c = pg.connect(db); Statement s = c.createStatement()) {
            // small enough that the 5,000-row transaction below is streamed while in progress
            s.execute("SET logical_decoding_work_mem = '64kB'");
            ResultSet rs = s.executeQuery("SELECT data FROM pg_logical_slot_get_binary_changes('" + slot
                     + "', NULL, NULL, " + options + ")");
            while (rs.next()) {
                out.add(decoder.decode(ByteBuffer.wrap(rs.getBytes(1))));
            }
        }
        return out;
    }

    @Test
    void decodesUtf8NamesAndTextValuesFromARealServer() throws Exception {
        String db = pg.freshDatabase();
        pg.exec(db, "CREATE SCHEMA \"Ünïcode schema\"",
                "CREATE TABLE \"Ünïcode schema\".\"Täble\" (id int PRIMARY KEY, \"naïve col\" text)",
                "CREATE PUBLICATION p FOR ALL TABLES",
                "SELECT pg_create_logical_replication_slot('s1', 'pgoutput')",
                "INSERT INTO \"Ünïcode schema\".\"Täble\" VALUES (1, 'crème brûlée ☕')");
        List<PgOutputMessage> msgs = decodeAll(db, "s1", "'proto_version', '1', 'publication_names', 'p'");
        assertThat(msgs).hasSize(4);
        assertThat(msgs.get(0)).isInstanceOf(PgOutputMessage.Begin.class);
        PgOutputMessage.Relation rel = (PgOutputMessage.Relation) msgs.get(1);
        assertThat(rel.table().schema()).isEqualTo("Ünïcode schema");
        assertThat(rel.table().name()).isEqualTo("Täble");
        assertThat(rel.columns()).extracting(c -> c.name()).containsExactly("id", "naïve col");
        assertThat(rel.columns().get(0).key()).isTrue();
        PgOutputMessage.Insert ins = (PgOutputMessage.Insert) msgs.get(2);
        assertThat(ins.newRow().cells()).containsExactly(Cell.text("1"), Cell.text("crème brûlée ☕"));
        PgOutputMessage.Commit commit = (PgOutputMessage.Commit) msgs.get(3);
        assertThat(commit.endLsn().isAfter(commit.commitLsn())).isTrue();
    }

    @Test
    void decodesOldKeysFullRowsUnchangedToastAndTruncate() throws Exception {
        String db = pg.freshDatabase();
        pg.exec(db, "CREATE TABLE k (id int PRIMARY KEY, big text)",
                "CREATE TABLE f (a int, b text)",
                "ALTER TABLE f REPLICA IDENTITY FULL",
                "ALTER TABLE k ALTER big SET STORAGE EXTERNAL",
                "INSERT INTO k VALUES (1, repeat('x', 10000))",
                "INSERT INTO f VALUES (1, 'a')",
                "CREATE PUBLICATION p FOR ALL TABLES",
                "SELECT pg_create_logical_replication_slot('s2', 'pgoutput')",
                "UPDATE k SET id = 2",
                "UPDATE f SET b = 'b'",
                "DELETE FROM f",
                "TRUNCATE k, f");
        List<PgOutputMessage> msgs = decodeAll(db, "s2", "'proto_version', '1', 'publication_names', 'p'");
        PgOutputMessage.Update keyChange = msgs.stream().filter(m -> m instanceof PgOutputMessage.Update)
                .map(PgOutputMessage.Update.class::cast).findFirst().orElseThrow();
        assertThat(keyChange.oldKind()).isEqualTo('K');
        assertThat(keyChange.oldRow().get(0)).isEqualTo(Cell.text("1"));
        assertThat(keyChange.newRow().get(1)).isEqualTo(Cell.UNCHANGED);
        PgOutputMessage.Update full = msgs.stream().filter(m -> m instanceof PgOutputMessage.Update)
                .map(PgOutputMessage.Update.class::cast).skip(1).findFirst().orElseThrow();
        assertThat(full.oldKind()).isEqualTo('O');
        assertThat(full.oldRow().cells()).containsExactly(Cell.text("1"), Cell.text("a"));
        PgOutputMessage.Delete del = msgs.stream().filter(m -> m instanceof PgOutputMessage.Delete)
                .map(PgOutputMessage.Delete.class::cast).findFirst().orElseThrow();
        assertThat(del.oldKind()).isEqualTo('O');
        PgOutputMessage.Truncate tr = msgs.stream().filter(m -> m instanceof PgOutputMessage.Truncate)
                .map(PgOutputMessage.Truncate.class::cast).findFirst().orElseThrow();
        assertThat(tr.relationOids()).hasSize(2);
    }

    @Test
    void decodesStreamedInProgressTransactionsAndMessages() throws Exception {
        String db = pg.freshDatabase();
        pg.exec(db, "CREATE TABLE t (id int PRIMARY KEY, v text)",
                "CREATE PUBLICATION p FOR ALL TABLES",
                "SELECT pg_create_logical_replication_slot('s3', 'pgoutput')");
        try (Connection c = pg.connect(db); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO t SELECT g, repeat('v', 100) FROM generate_series(1, 5000) g");
            s.execute("SELECT pg_logical_emit_message(true, 'walbridge', 'hello')");
            c.commit();
        }
        List<PgOutputMessage> msgs = decodeAll(db, "s3",
                "'proto_version', '2', 'publication_names', 'p', 'streaming', 'on', 'messages', 'true'");
        assertThat(msgs).filteredOn(m -> m instanceof PgOutputMessage.StreamCommit).hasSize(1);
        long xid = ((PgOutputMessage.StreamStart) msgs.get(0)).xid();
        assertThat(msgs).filteredOn(m -> m instanceof PgOutputMessage.Insert)
                .allSatisfy(m -> assertThat(((PgOutputMessage.Insert) m).xid()).isEqualTo(xid))
                .hasSize(5000);
        assertThat(msgs).filteredOn(m -> m instanceof PgOutputMessage.Message).singleElement()
                .satisfies(m -> assertThat(new String(((PgOutputMessage.Message) m).content())).isEqualTo("hello"));
    }

    @Test
    void decodesBeginFieldsFromHandMadeBytes() {
        byte[] bytes = HexFormat.of().parseHex("42" + "0000001600000010" + "0000000000000000" + "000001F4");
        PgOutputMessage.Begin b = (PgOutputMessage.Begin) new PgOutputDecoder().decode(ByteBuffer.wrap(bytes));
        assertThat(b.finalLsn().toString()).isEqualTo("16/10");
        assertThat(b.commitTime().toString()).isEqualTo("2000-01-01T00:00:00Z");
        assertThat(b.xid()).isEqualTo(500);
    }
}
