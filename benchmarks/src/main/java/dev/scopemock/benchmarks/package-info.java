/** JMH benchmarks and the load driver. */
package dev.scopemock.benchmarks;
