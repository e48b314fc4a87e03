package io.walbridge.core.sink.bigquery;

import java.util.ArrayList;
import java.util.List;

/** Reads PostgreSQL's array text form ({@code {1,NULL,"a \"b\""}}) into element texts; null stands for NULL. */
final class PgArrayText {

    private PgArrayText() {
    }

    static List<String> parse(String text, char delimiter) throws UnrepresentableValue {
        int i = 0;
        if (text.startsWith("[")) {
            // explicit bounds ("[0:2]={…}"): BigQuery arrays always start at their first element
            i = text.indexOf('=') + 1;
        }
        if (i >= text.length() || text.charAt(i) != '{' || text.charAt(text.length() - 1) != '}') {
            throw new UnrepresentableValue("not an array literal");
        }
        List<String> out = new ArrayList<>();
        i++;
        int end = text.length() - 1;
        if (i == end) {
            return out;
        }
        while (i <= end) {
            char c = text.charAt(i);
            if (c == '{') {
                throw new UnrepresentableValue("a multi-dimensional array (BigQuery arrays have one dimension)");
            }
            StringBuilder element = new StringBuilder();
            boolean quoted = false;
            if (c == '"') {
                quoted = true;
                i++;
                while (i < end && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\') {
                        i++;
                    }
                    element.append(text.charAt(i));
                    i++;
                }
                i++; // closing quote
            } else {
                while (i < end && text.charAt(i) != delimiter) {
                    if (text.charAt(i) == '\\') {
                        i++;
                    }
                    element.append(text.charAt(i));
                    i++;
                }
            }
            String value = element.toString();
            out.add(!quoted && value.equals("NULL") ? null : value);
            i++; // the delimiter, or the closing brace
        }
        return out;
    }
}
