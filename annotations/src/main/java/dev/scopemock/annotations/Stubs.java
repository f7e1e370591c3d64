package dev.scopemock.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * The container of repeated {@link Stub} annotations; write several {@code @Stub}s instead of using it directly.
 *
 * @since 0.1
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface Stubs {

    /**
     * The stubs.
     *
     * @return the repeated annotations
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    Stub[] value();
}
