package io.walbridge.core.sink.bigquery;

import java.io.ByteArrayOutputStream;

/** bytea's text forms: hex ({@code \x00ff}, the default) and the older escape form ({@code a\000\\}). */
final class ByteaText {

    private ByteaText() {
    }

    static byte[] decode(String text) {
        if (text.startsWith("\\x")) {
            byte[] out = new byte[(text.length() - 2) / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) Integer.parseInt(text, 2 + 2 * i, 4 + 2 * i, 16);
            }
            return out;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '\\' && i + 1 < utf8.length && utf8[i + 1] == '\\') {
                out.write('\\');
                i++;
            } else if (utf8[i] == '\\' && i + 3 < utf8.length) {
                out.write(Integer.parseInt(new String(utf8, i + 1, 3, java.nio.charset.StandardCharsets.US_ASCII), 8));
                i += 3;
            } else {
                out.write(utf8[i]);
            }
        }
        return out.toByteArray();
    }
}
