package dev.scopemock.engine.model;

import org.apiguardian.api.API;

/**
 * What a stub does when it is chosen: answer, proxy, or stream server-sent events.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface StubAction permits ResponseAction, ProxyAction, SseAction, SequenceAction, CallbackAction {
}
