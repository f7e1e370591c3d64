package dev.scopemock.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * One response of a {@link Stub#sequence() sequence}: {@code @Stub(path = "/pay", sequence = {@Reply(status = 503),
 * @Reply(status = 200, body = "paid")})}. At most one of {@link #body()} and {@link #json()}.
 *
 * @since 0.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public @interface Reply {

    /**
     * The status.
     *
     * @return 200 to 599
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    int status() default 200;

    /**
     * Headers, each written {@code "Name: value"}.
     *
     * @return header lines
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    String[] headers() default {};

    /**
     * A text body.
     *
     * @return the body
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    String body() default "";

    /**
     * A JSON body, sent compact with {@code application/json}.
     *
     * @return JSON text
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    String json() default "";
}
