package dev.scopemock.junit.internal;

import dev.scopemock.junit.SharedEngine;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the {@link SharedEngine} (starting the in-process engine, or connecting to the remote one, if no test has
 * yet), in every method and constructor of a {@code @MockServer} class, {@code @BeforeAll} methods included.
 */
public final class SharedEngineResolver implements ParameterResolver {

    private final Function<ExtensionContext, MockServerConfig> configuration;

    /** The resolver {@code @MockServer} registers: configured by the annotation. */
    public SharedEngineResolver() {
        this.configuration = MockServerConfig::of;
    }

    /**
     * The resolver a {@code ScopemockExtension} delegates to: configured by its builder's settings.
     *
     * @param settings what the builder declared
     */
    public SharedEngineResolver(MockServerSettings settings) {
        this.configuration = context -> MockServerConfig.resolve(settings, context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SharedEngine.class;
    }

    @Override
    public SharedEngine resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return new SharedEngine(EngineRegistry.connect(context, configuration.apply(context)).baseUrl());
    }
}
