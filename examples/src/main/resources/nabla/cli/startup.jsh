// Run by 'nabla shell' after JShell's default imports: nabla's packages, so that a network can be
// built and checked line by line without typing a package name.
import nabla.core.*;
import nabla.data.*;
import nabla.train.*;
import nabla.autograd.*;
import nabla.check.*;
import nabla.trace.*;
