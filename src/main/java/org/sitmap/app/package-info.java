/** Entry point: wires the command line and the window together. */
package org.sitmap.app;
