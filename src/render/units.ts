/** The model works in millimetres; the scene in metres. This is the one place they meet. */
export const MM_TO_SCENE = 0.001;
