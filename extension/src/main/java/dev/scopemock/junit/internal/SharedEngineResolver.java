package dev.scopemock.junit.internal;

import dev.scopemock.junit.SharedEngine;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the {@link SharedEngine} (starting the in-process engine, or connecting to the remote one, if no test has
 * yet), in every method and constructor of a {@code @MockServer} class, {@code @BeforeAll} methods included.
 */
public final class SharedEngineResolver implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SharedEngine.class;
    }

    @Override
    public SharedEngine resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return new SharedEngine(EngineRegistry.connect(context, MockServerConfig.of(context)).baseUrl());
    }
}
