module github.com/griot-project/griot

go 1.26.8

require (
	github.com/abadojack/whatlanggo v1.0.1
	github.com/clipperhouse/uax29/v2 v2.7.0
	golang.org/x/text v0.44.0
)
