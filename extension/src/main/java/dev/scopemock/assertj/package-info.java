/**
 * AssertJ assertions for Scopemock: {@link dev.scopemock.assertj.MockAssertions} is the entry point.
 */
package dev.scopemock.assertj;
