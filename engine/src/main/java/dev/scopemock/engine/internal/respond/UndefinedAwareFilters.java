package dev.scopemock.engine.internal.respond;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.IsDefinedExpTest;
import com.hubspot.jinjava.lib.exptest.IsUndefinedExpTest;
import com.hubspot.jinjava.lib.filter.DefaultFilter;
import java.util.Map;

/** Jinja's {@code default} filter and {@code defined}/{@code undefined} tests, taught about {@link Undefined}. */
final class UndefinedAwareFilters {

    private UndefinedAwareFilters() {
    }

    static void register(Jinjava jinjava) {
        jinjava.getGlobalContext().registerFilter(new Default());
        jinjava.getGlobalContext().registerExpTest(new Defined());
        jinjava.getGlobalContext().registerExpTest(new NotDefined());
    }

    /** {@code value | default(x)}: a missing value takes the default instead of failing the render. */
    static final class Default extends DefaultFilter {
        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Map<String, Object> parsedArgs) {
            if (var instanceof Undefined undefined) {
                undefined.forgive();
                return super.filter(null, interpreter, parsedArgs);
            }
            return super.filter(var, interpreter, parsedArgs);
        }
    }

    /** {@code value is defined}: false for a missing value, without failing the render. */
    static final class Defined extends IsDefinedExpTest {
        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            if (var instanceof Undefined undefined) {
                undefined.forgive();
                return false;
            }
            return super.evaluate(var, interpreter, args);
        }
    }

    /** {@code value is undefined}: true for a missing value, without failing the render. */
    static final class NotDefined extends IsUndefinedExpTest {
        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            if (var instanceof Undefined undefined) {
                undefined.forgive();
                return true;
            }
            return super.evaluate(var, interpreter, args);
        }
    }
}
