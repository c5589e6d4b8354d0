package pipeline

// Default returns the full reading pipeline with every stage's data loaded.
func Default() (*Pipeline, error) {
	stages := Base()
	return New(stages...), nil
}
