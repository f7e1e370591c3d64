package dev.scopemock.engine.criteria;

import java.math.BigDecimal;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code $odd}: matches a number that is odd (floored modulo, so {@code -3} is odd; {@code 3.5} is neither).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Odd() implements Criterion {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    @Override
    public boolean test(Object subject) {
        if (!(subject instanceof Number number)) {
            throw new CriterionException("$odd needs a number subject, found a " + JsonValues.typeName(subject));
        }
        BigDecimal remainder = JsonValues.toBigDecimal(number).remainder(TWO);
        if (remainder.signum() < 0) {
            remainder = remainder.add(TWO);
        }
        return remainder.compareTo(BigDecimal.valueOf(1)) == 0;
    }

    @Override
    public String operator() {
        return "$odd";
    }

    @Override
    public Map<String, Object> arguments() {
        return WireArguments.of();
    }

    @Override
    public String toString() {
        return JsonValues.toJson(this);
    }
}
