package dev.scopemock.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopemock.engine.model.Chaos;
import dev.scopemock.engine.model.ChaosFaults;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code chaos}: the canonical {@code {"latency": {...}, "faults": {"connection_drop": {...}}}} and the
 * legacy forms ({@code delay}, top-level {@code delay_ms}/{@code jitter_ms}); a top-level
 * {@code connection_drop} is rejected with the protocol's message.
 */
final class ChaosReader {

    /** The members of {@code chaos.faults}. */
    static final Set<String> FAULTS = Set.of("connection_drop", "connection_reset", "empty_response",
            "malformed_chunked", "random_bytes", "stall", "error_status", "throttle", "sse");

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
        ChaosFaults faultsRead = ChaosFaults.NONE;
        JsonNode faults = chaos.get("faults");
        if (!WireErrors.isAbsent(faults) && errors.requireObject(faults, WireErrors.at(loc, "faults"))) {
            List<Object> faultsLoc = WireErrors.at(loc, "faults");
            errors.rejectUnknown(faults, faultsLoc, FAULTS);
            probability = probability(faults, "connection_drop", faultsLoc, Set.of());
            Double reset = probability(faults, "connection_reset", faultsLoc, Set.of());
            Double empty = probability(faults, "empty_response", faultsLoc, Set.of());
            Double randomBytes = probability(faults, "random_bytes", faultsLoc, Set.of());
            Double malformed = probability(faults, "malformed_chunked", faultsLoc, Set.of());
            Double stall = probability(faults, "stall", faultsLoc, Set.of("max_ms"));
            long stallMax = stall == null ? 0 : millis(faults.get("stall").get("max_ms"),
                    WireErrors.at(faultsLoc, "stall", "max_ms"));
            if (stall != null && WireErrors.isAbsent(faults.get("stall").get("max_ms"))) {
                errors.add("missing", WireErrors.at(faultsLoc, "stall", "max_ms"), "Field required: a stall is"
                        + " bounded by max_ms");
            }
            Double errorProbability = probability(faults, "error_status", faultsLoc, Set.of("status"));
            Integer errorStatus = null;
            if (errorProbability != null) {
                JsonNode status = faults.get("error_status").get("status");
                List<Object> statusLoc = WireErrors.at(faultsLoc, "error_status", "status");
                if (WireErrors.isAbsent(status)) {
                    errors.add("missing", statusLoc, "Field required");
                } else {
                    Long value = errors.integer(status, statusLoc);
                    if (value != null && (value < 200 || value > 599)) {
                        errors.add("status_range", statusLoc, "status must be between 200 and 599, found " + value);
                    } else if (value != null) {
                        errorStatus = value.intValue();
                    }
                }
            }
            Integer throttleBytes = null;
            long throttleInterval = 0;
            JsonNode throttle = faults.get("throttle");
            List<Object> throttleLoc = WireErrors.at(faultsLoc, "throttle");
            if (!WireErrors.isAbsent(throttle) && errors.requireObject(throttle, throttleLoc)) {
                errors.rejectUnknown(throttle, throttleLoc, Set.of("bytes", "interval_ms"));
                throttleBytes = (int) Math.min(Integer.MAX_VALUE, positive(throttle.get("bytes"),
                        WireErrors.at(throttleLoc, "bytes")));
                throttleInterval = positive(throttle.get("interval_ms"), WireErrors.at(throttleLoc, "interval_ms"));
            }
            Integer dropAfter = null;
            long eventJitter = 0;
            JsonNode sse = faults.get("sse");
            List<Object> sseLoc = WireErrors.at(faultsLoc, "sse");
            if (!WireErrors.isAbsent(sse) && errors.requireObject(sse, sseLoc)) {
                errors.rejectUnknown(sse, sseLoc, Set.of("drop_after_events", "event_jitter_ms"));
                if (!WireErrors.isAbsent(sse.get("drop_after_events"))) {
                    dropAfter = (int) Math.min(Integer.MAX_VALUE, millis(sse.get("drop_after_events"),
                            WireErrors.at(sseLoc, "drop_after_events")));
                }
                eventJitter = millis(sse.get("event_jitter_ms"), WireErrors.at(sseLoc, "event_jitter_ms"));
            }
            double sum = 0;
            for (Double p : new Double[] {probability, reset, empty, randomBytes, malformed, stall, errorProbability}) {
                sum += p == null ? 0 : p;
            }
            if (sum > 1.0 + 1e-9) {
                errors.add("value_error", faultsLoc, "Value error, the fault probabilities add up to " + sum
                        + "; at most one fault happens per request, so they must add up to at most 1");
            }
            if (errors.size() == before) {
                faultsRead = new ChaosFaults(errorStatus, errorProbability, reset, empty, stall,
                        Duration.ofMillis(stallMax), randomBytes, malformed, throttleBytes,
                        Duration.ofMillis(throttleInterval), dropAfter, Duration.ofMillis(eventJitter));
            }
        }
        if (errors.size() != before) {
            return null;
        }
        return new Chaos(Duration.ofMillis(base), Duration.ofMillis(jitter), probability, faultsRead);
    }

    /** The {@code probability} (default 1) of the fault object {@code name}, or null when it is absent. */
    private Double probability(JsonNode faults, String name, List<Object> faultsLoc, Set<String> extra) {
        JsonNode fault = faults.get(name);
        List<Object> here = WireErrors.at(faultsLoc, name);
        if (WireErrors.isAbsent(fault) || !errors.requireObject(fault, here)) {
            return null;
        }
        Set<String> allowed = new java.util.HashSet<>(extra);
        allowed.add("probability");
        errors.rejectUnknown(fault, here, allowed);
        JsonNode p = fault.get("probability");
        if (WireErrors.isAbsent(p)) {
            return 1.0;
        }
        Double value = errors.number(p, WireErrors.at(here, "probability"));
        if (value != null && !(value >= 0.0 && value <= 1.0)) {
            errors.add("probability_range", WireErrors.at(here, "probability"),
                    "Input should be between 0 and 1 (inclusive), found " + value);
            return null;
        }
        return value;
    }

    private long positive(JsonNode node, List<Object> loc) {
        if (WireErrors.isAbsent(node)) {
            errors.add("missing", loc, "Field required");
            return 1;
        }
        Long value = errors.nonNegative(node, loc);
        if (value != null && value == 0) {
            errors.add("greater_than", loc, "Input should be greater than 0");
        }
        return value == null || value == 0 ? 1 : value;
    }

    private long millis(JsonNode node, List<Object> loc) {
        if (WireErrors.isAbsent(node)) {
            return 0;
        }
        Long value = errors.nonNegative(node, loc);
        return value == null ? 0 : value;
    }
}
