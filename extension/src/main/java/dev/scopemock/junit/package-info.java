/** The Scopemock JUnit Jupiter extension. */
package dev.scopemock.junit;
