package export_test

import "strconv"

func floatText(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
