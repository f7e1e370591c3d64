/**
 * A Spring Boot application as a system under test: {@link dev.scopemock.samples.spring.PaymentGateway} calls a
 * payment API with spring-web's {@code RestClient} at the configured {@code payment.base-url}, forwarding the headers
 * of the current call ({@link dev.scopemock.samples.spring.ForwardedHeaders}).
 */
package dev.scopemock.samples.spring;
