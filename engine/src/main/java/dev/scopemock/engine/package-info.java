/** The Scopemock engine: a Jetty 12 HTTP mock server with scopes and a JSON control API. */
package dev.scopemock.engine;
