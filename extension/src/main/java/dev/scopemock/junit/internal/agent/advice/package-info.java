/**
 * Advice the scope-propagation agent inlines into HTTP clients and executors. These classes are templates: their
 * methods are copied into the instrumented methods and never run as themselves, so they may only call the
 * bootstrap classes ({@code ..agent.bootstrap}) and types visible to the instrumented class, and must not use
 * lambdas. Every advice suppresses its own exceptions: a failure leaves the request or task unchanged.
 */
package dev.scopemock.junit.internal.agent.advice;
