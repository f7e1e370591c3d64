package dev.scopemock.samples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The application: a payment gateway configured by {@code payment.*} properties. */
@SpringBootApplication
@EnableConfigurationProperties(PaymentProperties.class)
public class PaymentApplication {

    /**
     * Starts the application.
     *
     * @param args command-line arguments, e.g. {@code --payment.base-url=https://payments.example}
     */
    public static void main(String[] args) {
        SpringApplication.run(PaymentApplication.class, args);
    }
}
