/** The demo's echo endpoint. */
package dev.freeway.examples.echo;
