package dev.scopemock.junit.internal;

/**
 * A validated {@code @Stub} ready to register: its control-API payload and where it was declared.
 *
 * @param name the stub name, or null for an anonymous stub
 * @param payload the control-API JSON
 * @param origin e.g. {@code @Stub(path = "/health") on class CheckoutTest}, for messages
 */
record DeclaredStub(String name, String payload, String origin) {
}
