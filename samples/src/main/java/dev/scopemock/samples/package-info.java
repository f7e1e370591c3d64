/** A small system under test used by the sample tests. */
package dev.scopemock.samples;
