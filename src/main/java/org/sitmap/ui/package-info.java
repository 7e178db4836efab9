/** The JavaFX window: views bound to view models; view models hold no {@code Node}. */
package org.sitmap.ui;
