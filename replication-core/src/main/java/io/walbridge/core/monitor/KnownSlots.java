package io.walbridge.core.monitor;

import io.walbridge.core.config.SavedPipeline;
import io.walbridge.core.handoff.HandoffEngine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the saved pipelines tell the monitor about one source server's slots: which ones WalBridge reads itself
 * and which ones it prepared and handed to Debezium or Datastream. Slots belong to a server, so pipelines match
 * by host and port.
 */
public final class KnownSlots {

    private KnownSlots() {
    }

    public static ConsumerRecognizer recognizer(List<SavedPipeline> pipelines, String host, int port) {
        Set<String> own = new HashSet<>();
        Map<String, ConsumerEngine> handedOff = new HashMap<>();
        for (SavedPipeline p : pipelines) {
            if (p.source() == null || p.source().port() != port || !sameHost(p.source().host(), host)) {
                continue;
            }
            if (p.handoffEngine() == HandoffEngine.IN_APP) {
                own.add(p.slot());
            } else {
                handedOff.put(p.slot(), p.handoffEngine().consumer());
            }
        }
        return new ConsumerRecognizer(own, handedOff);
    }

    private static boolean sameHost(String a, String b) {
        return a != null && b != null && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
