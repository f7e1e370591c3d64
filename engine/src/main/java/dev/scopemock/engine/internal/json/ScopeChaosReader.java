package dev.scopemock.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopemock.engine.internal.chaos.ChaosRandom;
import dev.scopemock.engine.internal.chaos.ScopeChaos;
import dev.scopemock.engine.model.Chaos;
import java.util.List;

/**
 * Reads a scope's {@code chaos}: the stub chaos form (the default of the scope's stubs) plus {@code seed}, the seed
 * of the scope's generator (without one: the scope's current generator goes on; a new scope's is seeded from
 * {@code -Dscopemock.chaos.seed}, else randomly).
 */
public final class ScopeChaosReader {

    private ScopeChaosReader() {
    }

    /**
     * Throws {@link dev.scopemock.engine.InvalidPayloadException} listing every broken rule.
     *
     * @param current the scope's generator, kept when no seed is given (null for a new scope)
     */
    public static ScopeChaos read(JsonNode node, List<Object> loc, ChaosRandom current) {
        WireErrors errors = new WireErrors();
        if (!errors.requireObject(node, loc)) {
            errors.throwIfAny();
        }
        ObjectNode rest = ((ObjectNode) node).deepCopy();
        JsonNode seedNode = rest.remove("seed");
        Long seed = null;
        if (!WireErrors.isAbsent(seedNode)) {
            seed = errors.integer(seedNode, WireErrors.at(loc, "seed"));
        }
        Chaos chaos = null;
        if (rest.size() > 0) {
            chaos = new ChaosReader(errors).read(rest, loc);
        }
        errors.throwIfAny();
        return new ScopeChaos(chaos, seed != null ? new ChaosRandom(seed)
                : current != null ? current : ChaosRandom.fromEnvironment());
    }
}
