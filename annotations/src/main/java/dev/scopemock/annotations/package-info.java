/** Declarative stub and chaos annotations for Scopemock tests. */
package dev.scopemock.annotations;
