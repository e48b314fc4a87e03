package io.walbridge.app.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.random.RandomGenerator;

/**
 * What a shop's day looks like to its database, one transaction at a time: new customers, orders with their
 * lines, payments and shipments, price and stock changes, cancelled orders deleted, page-view events logged and
 * pruned; and now and then one large transaction (a price correction over many order lines). Each method
 * commits its own transaction and returns the number of rows it changed.
 */
final class ShopChanges {

    private final Connection c;
    private final RandomGenerator random;
    private long maxCustomer;
    private long maxProduct;
    private long maxOrder;
    /** Percent of the events table's pages to sample when picking a row: a few pages whatever its size. */
    private double eventSample;

    /** Works on an open connection to the shop database; it is switched to explicit transactions. */
    ShopChanges(Connection c, RandomGenerator random) throws SQLException {
        this.c = c;
        this.random = random;
        c.setAutoCommit(false);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT (SELECT coalesce(max(id), 0) FROM shop.customers), (SELECT coalesce(max(id), 0) FROM shop.products),
                       (SELECT coalesce(max(id), 0) FROM shop.orders),
                       (SELECT relpages FROM pg_class WHERE oid = 'shop.events'::regclass)""")) {
            rs.next();
            maxCustomer = rs.getLong(1);
            maxProduct = rs.getLong(2);
            maxOrder = rs.getLong(3);
            long pages = rs.getLong(4);
            eventSample = pages <= 0 ? 100 : Math.min(100, Math.max(1, 400.0 / pages));
        }
        c.commit();
    }

    /** One ordinary transaction, picked at random: about 45% inserts, 40% updates, 15% deletes by rows. */
    int next() throws SQLException {
        int pick = random.nextInt(100);
        int changed;
        if (pick < 22) {
            changed = newOrder();
        } else if (pick < 30) {
            changed = newCustomer();
        } else if (pick < 42) {
            changed = logEvents();
        } else if (pick < 58) {
            changed = advanceOrder();
        } else if (pick < 68) {
            changed = repriceProduct();
        } else if (pick < 76) {
            changed = rewardCustomer();
        } else if (pick < 82) {
            changed = markEventSeen();
        } else if (pick < 90) {
            changed = deleteCancelledOrder();
        } else {
            changed = pruneEvent();
        }
        c.commit();
        return changed;
    }

    /** One large transaction: a price correction on up to {@code rows} order lines. */
    int largeTransaction(int rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE shop.order_lines SET unit_price = round(unit_price * 1.01, 2)
                WHERE (order_id, line_no) IN (SELECT order_id, line_no FROM shop.order_lines WHERE order_id >= ?
                                              ORDER BY order_id, line_no LIMIT ?)""")) {
            ps.setLong(1, 1 + random.nextLong(Math.max(1, maxOrder / 2)));
            ps.setInt(2, rows);
            int changed = ps.executeUpdate();
            c.commit();
            return changed;
        }
    }

    private int newCustomer() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO shop.customers (external_id, name, email, created_at, preferences, tags, loyalty_points)
                VALUES (gen_random_uuid(), ?, ?, now(), jsonb_build_object('newsletter', ?), ARRAY['new'], 0)
                RETURNING id""")) {
            long n = maxCustomer + 1;
            ps.setString(1, "Customer " + n);
            ps.setString(2, "customer" + n + "@example.com");
            ps.setBoolean(3, random.nextBoolean());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                maxCustomer = Math.max(maxCustomer, rs.getLong(1));
            }
            return 1;
        }
    }

    private int newOrder() throws SQLException {
        long order;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO shop.orders (customer_id, status, ordered_at, total) VALUES (?, 'new', now(), 0) RETURNING id""")) {
            ps.setLong(1, anyOf(maxCustomer));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                order = rs.getLong(1);
                maxOrder = Math.max(maxOrder, order);
            }
        }
        int lines = 1 + random.nextInt(4);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO shop.order_lines (order_id, line_no, product_id, quantity, unit_price, discount)
                SELECT ?, ?, p.id, ?, p.price, ? FROM shop.products p WHERE p.id = ?""")) {
            for (int n = 1; n <= lines; n++) {
                ps.setLong(1, order);
                ps.setInt(2, n);
                ps.setInt(3, 1 + random.nextInt(5));
                ps.setFloat(4, random.nextInt(4) == 0 ? 0.05f : 0f);
                ps.setLong(5, anyOf(maxProduct));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        int totals = update("""
                UPDATE shop.orders SET total = (SELECT coalesce(sum(quantity * unit_price), 0) FROM shop.order_lines
                                                WHERE order_id = ?) WHERE id = ?""", order, order);
        return 1 + lines + totals;
    }

    private int advanceOrder() throws SQLException {
        // new → paid → shipped (with a date) → delivered; an order now and then is cancelled instead
        return update("""
                UPDATE shop.orders SET status = CASE status WHEN 'new' THEN (CASE WHEN random() < 0.1 THEN 'cancelled'
                                                                               ELSE 'paid' END)::shop.order_status
                                                            WHEN 'paid' THEN 'shipped' WHEN 'shipped' THEN 'delivered'
                                                            ELSE status END,
                                       shipped_on = CASE WHEN status = 'paid' THEN current_date ELSE shipped_on END
                WHERE id = ?""", anyOf(maxOrder));
    }

    private int repriceProduct() throws SQLException {
        // the long descriptions are left alone: the change stream carries them as "unchanged TOAST"
        return update("""
                UPDATE shop.products SET price = round(price * (0.9 + random() * 0.2)::numeric, 2),
                       stock = greatest(0, stock + (random() * 20 - 10)::int), updated_at = now() WHERE id = ?""",
                anyOf(maxProduct));
    }

    private int rewardCustomer() throws SQLException {
        return update("""
                UPDATE shop.customers SET loyalty_points = loyalty_points + 10,
                       preferences = preferences || jsonb_build_object('last_reward', now()),
                       tags = CASE WHEN loyalty_points > 4000 AND NOT 'vip' = ANY (tags) THEN tags || 'vip'::text ELSE tags END
                WHERE id = ?""", anyOf(maxCustomer));
    }

    private int logEvents() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO shop.events (occurred_at, customer_id, kind, payload, client_ip)
                SELECT now(), ?, 'view', jsonb_build_object('page', '/products/' || ?, 'ms', ?), '192.0.2.1'::inet
                FROM generate_series(1, ?)""")) {
            int n = 1 + random.nextInt(3);
            ps.setLong(1, anyOf(maxCustomer));
            ps.setLong(2, anyOf(maxProduct));
            ps.setInt(3, random.nextInt(900));
            ps.setInt(4, n);
            return ps.executeUpdate();
        }
    }

    private int markEventSeen() throws SQLException {
        // no key: the row is found by its physical position, and replicated with the whole old row
        return sampled("""
                UPDATE shop.events SET payload = payload || '{"seen": true}'
                WHERE ctid = (SELECT ctid FROM shop.events TABLESAMPLE SYSTEM (?) LIMIT 1)""");
    }

    private int pruneEvent() throws SQLException {
        return sampled("DELETE FROM shop.events WHERE ctid = (SELECT ctid FROM shop.events TABLESAMPLE SYSTEM (?) LIMIT 1)");
    }

    private int sampled(String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDouble(1, eventSample);
            return ps.executeUpdate();
        }
    }

    private int deleteCancelledOrder() throws SQLException {
        long order;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM shop.orders WHERE status = 'cancelled' AND id >= ? ORDER BY id LIMIT 1")) {
            ps.setLong(1, anyOf(maxOrder));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return 0;
                }
                order = rs.getLong(1);
            }
        }
        int lines = update("DELETE FROM shop.order_lines WHERE order_id = ?", order);
        return lines + update("DELETE FROM shop.orders WHERE id = ?", order);
    }

    private int update(String sql, long... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setLong(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    private long anyOf(long max) {
        return 1 + random.nextLong(Math.max(1, max));
    }
}
