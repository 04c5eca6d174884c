// Package number reads the numbers of a text with what they count: the figure or number
// words, an approximation ("nearly"), the unit or currency and the counted noun ("3,000
// troops", "$1.2 billion", "one-fifth of Ukraine's territory"). Values in and values out, no
// I/O; every number carries its byte offsets.
package number
