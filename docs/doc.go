// Package docs holds the project's documentation as Markdown. It has no code;
// its test checks that every relative link in the README and these pages
// names a file that exists and, with a #fragment, a heading in it.
package docs
