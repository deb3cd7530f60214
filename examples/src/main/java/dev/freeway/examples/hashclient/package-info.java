/**
 * The hash clients of the streaming tutorial on Freeway's client: send random bytes as whole
 * messages, as frames of one message, or as one endless frame, and check every digest the server
 * sends back against their own SHA-256. Started through {@link dev.freeway.examples.HashClient}.
 */
package dev.freeway.examples.hashclient;
