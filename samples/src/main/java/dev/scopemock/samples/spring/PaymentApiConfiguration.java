package dev.scopemock.samples.spring;

import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The payment API's {@link RestClient}: the JDK's HTTP client, the configured URL, the call's headers. */
@Configuration(proxyBeanMethods = false)
class PaymentApiConfiguration {

    @Bean
    RestClient paymentRestClient(PaymentProperties properties, ForwardedHeaders forwarded) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.timeout())
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.timeout());
        return RestClient.builder()
                .baseUrl(properties.baseUrl().toString())
                .requestFactory(requests)
                .requestInterceptor((request, body, execution) -> {
                    forwarded.current().forEach(request.getHeaders()::set);
                    return execution.execute(request, body);
                })
                .build();
    }
}
