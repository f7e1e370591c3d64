package dev.scopemock.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.model.Chaos;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code chaos}: the canonical {@code {"latency": {...}, "faults": {"connection_drop": {...}}}} and the
 * legacy forms ({@code delay}, top-level {@code delay_ms}/{@code jitter_ms}); a top-level
 * {@code connection_drop} is rejected with the protocol's message.
 */
final class ChaosReader {

    private final WireErrors errors;

    ChaosReader(WireErrors errors) {
        this.errors = errors;
    }

    Chaos read(JsonNode chaos, List<Object> loc) {
        if (!errors.requireObject(chaos, loc)) {
            return null;
        }
        if (chaos.has("connection_drop")) {
            errors.add("value_error", loc, "Value error, " + StubPayloadReader.LEGACY_DROP);
            return null;
        }
        errors.rejectUnknown(chaos, loc, Set.of("latency", "faults", "delay", "delay_ms", "jitter_ms"));
        long base = 0;
        long jitter = 0;
        int before = errors.size();
        JsonNode latency = !WireErrors.isAbsent(chaos.get("latency")) ? chaos.get("latency") : chaos.get("delay");
        if (!WireErrors.isAbsent(latency)) {
            List<Object> here = WireErrors.at(loc, !WireErrors.isAbsent(chaos.get("latency")) ? "latency" : "delay");
            if (errors.requireObject(latency, here)) {
                errors.rejectUnknown(latency, here, Set.of("base_ms", "jitter_ms"));
                base = millis(latency.get("base_ms"), WireErrors.at(here, "base_ms"));
                jitter = millis(latency.get("jitter_ms"), WireErrors.at(here, "jitter_ms"));
            }
        } else {
            base = millis(chaos.get("delay_ms"), WireErrors.at(loc, "delay_ms"));
            jitter = millis(chaos.get("jitter_ms"), WireErrors.at(loc, "jitter_ms"));
        }
        Double probability = null;
        JsonNode faults = chaos.get("faults");
        if (!WireErrors.isAbsent(faults) && errors.requireObject(faults, WireErrors.at(loc, "faults"))) {
            errors.rejectUnknown(faults, WireErrors.at(loc, "faults"), Set.of("connection_drop"));
            JsonNode drop = faults.get("connection_drop");
            List<Object> dropLoc = WireErrors.at(loc, "faults", "connection_drop");
            if (!WireErrors.isAbsent(drop) && errors.requireObject(drop, dropLoc)) {
                errors.rejectUnknown(drop, dropLoc, Set.of("probability"));
                probability = 1.0;
                JsonNode p = drop.get("probability");
                if (!WireErrors.isAbsent(p)) {
                    Double value = errors.number(p, WireErrors.at(dropLoc, "probability"));
                    if (value != null && !(value >= 0.0 && value <= 1.0)) {
                        errors.add("probability_range", WireErrors.at(dropLoc, "probability"),
                                "Input should be between 0 and 1 (inclusive), found " + value);
                    }
                    probability = value;
                }
            }
        }
        if (errors.size() != before) {
            return null;
        }
        return new Chaos(Duration.ofMillis(base), Duration.ofMillis(jitter), probability);
    }

    private long millis(JsonNode node, List<Object> loc) {
        if (WireErrors.isAbsent(node)) {
            return 0;
        }
        Long value = errors.nonNegative(node, loc);
        return value == null ? 0 : value;
    }
}
