/**
 * The scope-propagation agent's runtime: injected into the bootstrap class loader so instrumented JDK classes
 * (executors, {@code HttpURLConnection}) and client libraries of any class loader can reach it. Depends on
 * {@code java.base} only. The extension must never link these classes directly (only through
 * {@code ScopeAgent}'s method handles): loaded by the application class loader first, they would exist twice.
 */
package dev.scopemock.junit.internal.agent.bootstrap;
