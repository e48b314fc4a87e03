package io.walbridge.core.change;

/**
 * One column as a pgoutput Relation message describes it.
 *
 * @param key whether the column is part of the table's replica identity
 */
public record Column(String name, int typeOid, int typeModifier, boolean key) {

    /** Whether two column lists have the same names and types in the same order (identity flags aside). */
    public static boolean sameLayout(java.util.List<Column> a, java.util.List<Column> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Column x = a.get(i);
            Column y = b.get(i);
            if (!x.name().equals(y.name()) || x.typeOid() != y.typeOid() || x.typeModifier() != y.typeModifier()) {
                return false;
            }
        }
        return true;
    }
}
