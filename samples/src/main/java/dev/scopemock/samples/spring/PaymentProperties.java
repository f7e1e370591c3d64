package dev.scopemock.samples.spring;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the payment API is and how long a call may take.
 *
 * @param baseUrl {@code payment.base-url}, required, e.g. {@code https://payments.example}
 * @param timeout {@code payment.timeout}, the connect and read timeout, 5 seconds unless set
 */
@ConfigurationProperties("payment")
public record PaymentProperties(URI baseUrl, @DefaultValue("5s") Duration timeout) {

    /**
     * Checks the URL is set.
     *
     * @param baseUrl the payment API's base URL
     * @param timeout the call timeout
     */
    public PaymentProperties {
        if (baseUrl == null) {
            throw new IllegalArgumentException("payment.base-url is not set; found no value. Fix: set it to the"
                    + " payment API's base URL, e.g. --payment.base-url=https://payments.example");
        }
    }
}
